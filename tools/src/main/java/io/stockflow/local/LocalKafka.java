package io.stockflow.local;

import io.stockflow.flink.io.Topics;
import java.io.IOException;
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
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker (KRaft: broker and controller in one process) on 127.0.0.1, started as its own JVM
 * from the jars the build collected in {@code local-kafka/target/lib}. Data, configuration, log and pid live under
 * {@code .stockflow/kafka}. A broker that {@link ChildLifetime#ENDS_WITH_LAUNCHER ends with the launcher} takes no
 * signal meant for the launcher's terminal or process group: the launcher stops it, after what still needs it.
 */
public final class LocalKafka {
    public static final int PORT = 19092;
    public static final int CONTROLLER_PORT = 19093;
    public static final String BOOTSTRAP = "127.0.0.1:" + PORT;

    private final Path home;
    private final Path libs;
    private final int port;
    private final int controllerPort;

    /** The project's broker: home {@code .stockflow/kafka}, the fixed ports {@link #PORT} and {@link #CONTROLLER_PORT}. */
    public LocalKafka(Path projectHome) {
        this(
                projectHome.resolve(".stockflow").resolve("kafka"),
                projectHome.resolve("local-kafka").resolve("target").resolve("lib"),
                PORT,
                CONTROLLER_PORT);
    }

    /**
     * A broker of its own (the fault suite's): its data, log and pid under {@code home}, listening on {@code port}
     * with its controller on {@code controllerPort}, so it runs beside the project's broker.
     */
    public LocalKafka(Path home, Path libs, int port, int controllerPort) {
        this.home = home.toAbsolutePath();
        this.libs = libs.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** This broker's bootstrap address. */
    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    public Path home() {
        return home;
    }

    /** What holds the broker port. */
    public enum PortHolder {
        NOTHING,
        KAFKA,
        OTHER
    }

    /** Whether something accepts connections on the broker port (a broker, or anything else). */
    public static boolean isUp() {
        return LocalPorts.accepts(PORT);
    }

    /**
     * Who holds the broker port: nothing, a Kafka broker (it answers a metadata request), or another server, which
     * the launcher must not take for a broker.
     */
    public static PortHolder portHolder() {
        if (!isUp()) return PortHolder.NOTHING;
        return answersAsKafka(BOOTSTRAP, Duration.ofSeconds(5)) ? PortHolder.KAFKA : PortHolder.OTHER;
    }

    /** Whether a Kafka broker answers on the address within the timeout. */
    static boolean answersAsKafka(String bootstrap, Duration timeout) {
        int millis = (int) timeout.toMillis();
        Map<String, Object> config = Map.of(
                "bootstrap.servers",
                bootstrap,
                "request.timeout.ms",
                millis,
                "default.api.timeout.ms",
                millis,
                "socket.connection.setup.timeout.ms",
                millis);
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis))
                    .clusterId()
                    .get(millis + 1000L, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException
                | org.apache.kafka.common.KafkaException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The explanation for a broker port held by another server. */
    public static String heldByAnotherServer() {
        return "port " + PORT + " is held by a server that does not answer as a Kafka broker: stop it, or run the"
                + " jobs against your own broker with --bootstrap HOST:PORT";
    }

    /** The broker process this launcher started earlier, if it still runs. */
    public Optional<ProcessHandle> running() throws IOException {
        Path pidFile = home.resolve("broker.pid");
        if (!Files.isRegularFile(pidFile)) return Optional.empty();
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }

    /**
     * Makes sure a broker answers on {@link #BOOTSTRAP}: starts one when the port is free. Returns the process it
     * started, or empty when a broker already answered; refuses a port held by a server that is not a broker.
     */
    public Optional<Process> ensureUp(Duration timeout) throws IOException, InterruptedException {
        return ensureUp(timeout, ChildLifetime.OUTLIVES_LAUNCHER);
    }

    /** {@link #ensureUp(Duration)}, a broker it starts living as {@code lifetime} says. */
    public Optional<Process> ensureUp(Duration timeout, ChildLifetime lifetime)
            throws IOException, InterruptedException {
        switch (portHolder()) {
            case KAFKA:
                return Optional.empty();
            case OTHER:
                throw new IllegalStateException(heldByAnotherServer());
            default:
                return Optional.of(start(timeout, lifetime));
        }
    }

    /** Starts the broker and waits until it serves requests; returns its process, which outlives the launcher. */
    public Process start(Duration timeout) throws IOException, InterruptedException {
        return start(timeout, ChildLifetime.OUTLIVES_LAUNCHER);
    }

    /** Starts the broker, living as {@code lifetime} says, and waits until it serves requests; returns its process. */
    public Process start(Duration timeout, ChildLifetime lifetime) throws IOException, InterruptedException {
        if (!Files.isDirectory(libs)) {
            throw new IllegalStateException("broker jars missing in " + libs + ": run `mvn -DskipTests package`");
        }
        if (LocalPorts.accepts(port)) {
            throw new IllegalStateException(
                    answersAsKafka(bootstrap(), Duration.ofSeconds(5))
                            ? "a Kafka broker already answers on " + bootstrap()
                            : port == PORT
                                    ? heldByAnotherServer()
                                    : "port " + port + " is held by a server that does not answer as a Kafka broker");
        }
        if (!LocalPorts.free(controllerPort)) {
            throw new IllegalStateException("port " + controllerPort + " (the broker's controller) is in use");
        }
        Files.createDirectories(home);
        Path config = writeConfig();
        if (!Files.exists(home.resolve("data").resolve("meta.properties"))) {
            Process format = java(
                            "kafka.tools.StorageTool",
                            "format",
                            "-t",
                            Uuid.randomUuid().toString(),
                            "-c",
                            config.toString())
                    .redirectOutput(home.resolve("format.log").toFile())
                    .redirectErrorStream(true)
                    .start();
            if (format.waitFor() != 0) {
                throw new IllegalStateException(
                        "formatting the broker's storage failed: see " + home.resolve("format.log"));
            }
        }
        ProcessBuilder brokerCommand = java("-Xms256m", "-Xmx1g", "kafka.Kafka", config.toString());
        brokerCommand.command().addAll(0, lifetime.prefix());
        Process broker = brokerCommand
                .redirectOutput(home.resolve("broker.log").toFile())
                .redirectErrorStream(true)
                .start();
        Files.writeString(home.resolve("broker.pid"), Long.toString(broker.pid()));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!LocalPorts.accepts(port)) {
            if (!broker.isAlive()) {
                throw new IllegalStateException("the broker exited at start: see " + home.resolve("broker.log"));
            }
            if (System.nanoTime() > deadline) {
                broker.destroy();
                throw new IllegalStateException("the broker did not open port " + port + " in " + timeout);
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
                if (!existing.contains(t))
                    missing.add(new NewTopic(t, partitions, (short) 1).configs(Topics.config(t)));
            }
            if (!missing.isEmpty()) admin.createTopics(missing).all().get();
        }
    }

    private ProcessBuilder java(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(libs.toAbsolutePath() + "/*");
        command.add("-Dlog4j2.configurationFile="
                + home.resolve("log4j2.properties").toAbsolutePath());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(home.toFile());
    }

    private Path writeConfig() throws IOException {
        Path config = home.resolve("server.properties");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "process.roles=broker,controller",
                        "node.id=1",
                        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
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
        Files.writeString(
                home.resolve("log4j2.properties"),
                String.join(
                        "\n",
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
