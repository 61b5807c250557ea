package io.stockflow.local;

import io.stockflow.flink.io.Topics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker (KRaft: broker and controller in one process) on 127.0.0.1, started as its own JVM
 * from the jars the build collected in {@code local-kafka/target/lib}. Data, configuration, log and pid live under
 * {@code .stockflow/kafka}.
 */
public final class LocalKafka {
    public static final int PORT = 19092;
    public static final int CONTROLLER_PORT = 19093;
    public static final String BOOTSTRAP = "127.0.0.1:" + PORT;

    private final Path home;
    private final Path libs;

    public LocalKafka(Path projectHome) {
        this.home = projectHome.resolve(".stockflow").resolve("kafka");
        this.libs = projectHome.resolve("local-kafka").resolve("target").resolve("lib");
    }

    /** Whether something answers on the broker port. */
    public static boolean isUp() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The broker process this launcher started earlier, if it still runs. */
    public Optional<ProcessHandle> running() throws IOException {
        Path pidFile = home.resolve("broker.pid");
        if (!Files.isRegularFile(pidFile)) return Optional.empty();
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }

    /** Starts the broker and waits until it serves requests; returns its process. */
    public Process start(Duration timeout) throws IOException, InterruptedException {
        if (!Files.isDirectory(libs)) {
            throw new IllegalStateException("broker jars missing in " + libs + ": run `mvn -DskipTests package`");
        }
        if (isUp()) throw new IllegalStateException("port " + PORT + " is already in use");
        Files.createDirectories(home);
        Path config = writeConfig();
        if (!Files.exists(home.resolve("data").resolve("meta.properties"))) {
            Process format = java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                    "-c", config.toString()).redirectOutput(home.resolve("format.log").toFile())
                    .redirectErrorStream(true).start();
            if (format.waitFor() != 0) {
                throw new IllegalStateException("formatting the broker's storage failed: see " + home.resolve("format.log"));
            }
        }
        Process broker = java("-Xms256m", "-Xmx1g", "kafka.Kafka", config.toString())
                .redirectOutput(home.resolve("broker.log").toFile()).redirectErrorStream(true).start();
        Files.writeString(home.resolve("broker.pid"), Long.toString(broker.pid()));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isUp()) {
            if (!broker.isAlive()) {
                throw new IllegalStateException("the broker exited at start: see " + home.resolve("broker.log"));
            }
            if (System.nanoTime() > deadline) {
                broker.destroy();
                throw new IllegalStateException("the broker did not open port " + PORT + " in " + timeout);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return broker;
    }

    /** Stops a broker process: SIGTERM, then SIGKILL if it has not exited in time. */
    public static void stop(ProcessHandle broker, Duration grace) throws InterruptedException {
        broker.destroy();
        try {
            broker.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            broker.destroyForcibly();
        }
    }

    /** Creates the topics that do not exist yet ({@code routing.capacity} compacted). */
    public static void createTopics(String bootstrap, Collection<String> topics, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String t : topics) {
                if (!existing.contains(t)) missing.add(new NewTopic(t, partitions, (short) 1).configs(Topics.config(t)));
            }
            if (!missing.isEmpty()) admin.createTopics(missing).all().get();
        }
    }

    private ProcessBuilder java(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(libs.toAbsolutePath() + "/*");
        command.add("-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties").toAbsolutePath());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(home.toFile());
    }

    private Path writeConfig() throws IOException {
        Path config = home.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + CONTROLLER_PORT,
                "listeners=PLAINTEXT://127.0.0.1:" + PORT + ",CONTROLLER://127.0.0.1:" + CONTROLLER_PORT,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + PORT,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + home.resolve("data").toAbsolutePath(),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "transaction.max.timeout.ms=900000",
                "log.retention.hours=24",
                ""));
        Files.writeString(home.resolve("log4j2.properties"), String.join("\n",
                "rootLogger.level=WARN",
                "rootLogger.appenderRef.out.ref=Out",
                "appender.out.name=Out",
                "appender.out.type=Console",
                "appender.out.layout.type=PatternLayout",
                "appender.out.layout.pattern=%d %-5p %c{1} - %m%n",
                ""));
        return config;
    }
}
