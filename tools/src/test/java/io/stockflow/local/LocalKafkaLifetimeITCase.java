package io.stockflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's broker, a real Kafka process from the jars in {@code local-kafka/target/lib} (built by the reactor
 * before {@code tools}), when it ends with the launcher: it takes no signal sent to the launcher's process group (a
 * terminal's Ctrl-C), so the launcher stops it last; and it ends when the launcher is killed hard.
 */
@Timeout(180)
class LocalKafkaLifetimeITCase {
    private static final Path LIBS = Path.of("..", "local-kafka", "target", "lib");

    @TempDir
    Path home;

    private int port;
    private int controllerPort;
    private Process launcher;
    private final List<String> launcherOutput = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void ports() {
        assertThat(LIBS)
                .as("the broker's jars: build the local-kafka module first (mvn -pl local-kafka package)")
                .isDirectory();
        port = LocalPorts.freePortPair();
        controllerPort = port + 1;
    }

    @AfterEach
    void leaveNothingRunning() throws Exception {
        if (launcher != null) launcher.destroyForcibly().waitFor();
        Optional<ProcessHandle> broker = brokerFromPidFile();
        if (broker.isPresent()) LocalKafka.stop(broker.get(), Duration.ofSeconds(15));
    }

    @Test
    void aBrokerThatEndsWithTheLauncherRunsInASessionOfItsOwnUnderThePidItsFileNames() throws Exception {
        assumeThat(ChildLifetime.ENDS_WITH_LAUNCHER.ownSession())
                .as("setsid and setpriv --pdeathsig on this machine")
                .isTrue();
        LocalKafka kafka = new LocalKafka(home, LIBS, port, controllerPort);

        Process broker = kafka.start(Duration.ofSeconds(60), ChildLifetime.ENDS_WITH_LAUNCHER);

        assertThat(LocalKafka.answersAsKafka(kafka.bootstrap(), Duration.ofSeconds(10)))
                .isTrue();
        assertThat(brokerFromPidFile()).map(ProcessHandle::pid).contains(broker.pid());
        assertThat(broker.toHandle().info().command())
                .hasValueSatisfying(c -> assertThat(c).endsWith("/java"));
        assertThat(stat(broker.pid()).session())
                .isNotEqualTo(stat(ProcessHandle.current().pid()).session());
        assertThat(stat(broker.pid()).group())
                .isNotEqualTo(stat(ProcessHandle.current().pid()).group());

        LocalKafka.stop(broker.toHandle(), Duration.ofSeconds(15));
        assertThat(broker.isAlive()).isFalse();
    }

    @Test
    void aSignalToTheLaunchersProcessGroupLeavesTheBrokerUpUntilTheLauncherStopsIt() throws Exception {
        assumeThat(ChildLifetime.ENDS_WITH_LAUNCHER.ownSession())
                .as("setsid and setpriv --pdeathsig on this machine")
                .isTrue();
        ProcessHandle broker = startLauncher();

        // As a terminal's Ctrl-C: SIGINT to every process of the launcher's group.
        int sent = new ProcessBuilder("kill", "-INT", "--", "-" + launcher.pid())
                .inheritIO()
                .start()
                .waitFor();
        assertThat(sent).isZero();

        await().atMost(Duration.ofSeconds(60)).until(() -> !launcher.isAlive());
        assertThat(launcherOutput).contains(BrokerLauncher.UP_AT_STOP).doesNotContain(BrokerLauncher.ENDED_BY_SIGNAL);
        await().atMost(Duration.ofSeconds(30)).until(() -> !broker.isAlive());
    }

    @Test
    void aBrokerThatEndsWithTheLauncherEndsWhenTheLauncherIsKilledHard() throws Exception {
        assumeThat(ChildLifetime.ENDS_WITH_LAUNCHER.ownSession())
                .as("setsid and setpriv --pdeathsig on this machine")
                .isTrue();
        ProcessHandle broker = startLauncher();

        launcher.destroyForcibly();

        await().atMost(Duration.ofSeconds(30)).until(() -> !broker.isAlive());
    }

    /**
     * Starts {@link BrokerLauncher} in a process group of its own (so the test can signal that group, and only it),
     * and returns the broker once it serves requests.
     */
    private ProcessHandle startLauncher() throws IOException {
        launcher = new ProcessBuilder(
                        "setsid",
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        BrokerLauncher.class.getName(),
                        home.toString(),
                        LIBS.toAbsolutePath().toString(),
                        Integer.toString(port),
                        Integer.toString(controllerPort))
                .redirectErrorStream(true)
                .start();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader out = new BufferedReader(
                            new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = out.readLine()) != null; ) launcherOutput.add(line);
                    } catch (IOException ended) {
                        // the launcher is gone
                    }
                },
                "broker-launcher-output");
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(90))
                .failFast("the launcher exited: " + launcherOutput, () -> !launcher.isAlive())
                .until(() -> launcherOutput.stream().anyMatch(l -> l.startsWith(BrokerLauncher.STARTED)));
        long pid = Long.parseLong(launcherOutput.stream()
                .filter(l -> l.startsWith(BrokerLauncher.STARTED))
                .findFirst()
                .orElseThrow()
                .substring(BrokerLauncher.STARTED.length()));
        ProcessHandle broker = ProcessHandle.of(pid).orElseThrow();
        assertThat(LocalKafka.answersAsKafka("127.0.0.1:" + port, Duration.ofSeconds(10)))
                .isTrue();
        return broker;
    }

    private Optional<ProcessHandle> brokerFromPidFile() throws IOException {
        return new LocalKafka(home, LIBS, port, controllerPort).running();
    }

    /** A process's group and session, from {@code /proc/PID/stat} (fields 5 and 6, after the command in brackets). */
    private record Stat(long group, long session) {}

    private static Stat stat(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new Stat(Long.parseLong(after[2]), Long.parseLong(after[3]));
    }
}
