package io.stockflow.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ConfigurationUtils;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;

/**
 * A real standalone Flink session cluster: a JobManager and a TaskManager, each its own JVM, started from the jars the
 * build collected in {@code local-flink/target/lib} (no flink-dist). Configured by {@code flink-conf/config.yaml} plus
 * the cluster's own folders (checkpoints, savepoints, uploads, temp) under its home, {@code .stockflow/flink}, where the
 * generated {@code conf/}, the logs and the pid files also live. Memory flags are derived from the configuration the
 * way Flink's scripts do it (process sizes in, JVM flags and memory options out). With high availability
 * ({@link #withHighAvailability}) a ZooKeeper of its own runs beside them and a new JobManager resumes the jobs of one
 * that died.
 */
public final class LocalFlink {
    public enum Role {
        JOBMANAGER("org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint"),
        TASKMANAGER("org.apache.flink.runtime.taskexecutor.TaskManagerRunner"),
        /** Only with high availability. */
        ZOOKEEPER(LocalZooKeeper.MAIN_CLASS);

        /** The class the role's JVM runs. */
        final String mainClass;

        Role(String mainClass) {
            this.mainClass = mainClass;
        }

        String fileName() {
            return name().toLowerCase();
        }
    }

    private final Path home;
    private final Path libs;
    private final Configuration config;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param home   where the cluster keeps its configuration, logs, pid files, checkpoints and savepoints
     * @param libs   the cluster's jars
     * @param config the cluster configuration (folders default to ones under {@code home})
     */
    public LocalFlink(Path home, Path libs, Configuration config) {
        this.home = home.toAbsolutePath();
        this.libs = libs.toAbsolutePath();
        this.config = new Configuration(config);
        setIfAbsent(
                "state.checkpoints.dir",
                this.home.resolve("checkpoints").toUri().toString());
        setIfAbsent(
                "state.savepoints.dir", this.home.resolve("savepoints").toUri().toString());
        setIfAbsent(
                "state.changelog.dstl.dfs.base-path",
                this.home.resolve("changelog").toUri().toString());
        setIfAbsent("web.upload.dir", this.home.resolve("uploads").toString());
        setIfAbsent("web.tmpdir", this.home.resolve("tmp").resolve("web").toString());
        setIfAbsent("io.tmp.dirs", this.home.resolve("tmp").toString());
        setIfAbsent(
                "blob.storage.directory",
                this.home.resolve("tmp").resolve("blobs").toString());
        setIfAbsent("taskmanager.resource-id", "taskmanager-1");
        try {
            LocalHighAvailability.read(this.home).ifPresent(ha -> ha.applyTo(this.config, this.home));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + LocalHighAvailability.FILE + " in " + home, e);
        }
    }

    /**
     * This cluster with JobManager high availability (ZooKeeper on 127.0.0.1 at the port), the choice written to its
     * home for the supervisor and later commands. A cluster that had it already keeps its port.
     */
    public LocalFlink withHighAvailability(int zooKeeperPort) throws IOException {
        Optional<LocalHighAvailability> kept = highAvailability();
        if (kept.isEmpty()) LocalHighAvailability.onPort(zooKeeperPort).write(home);
        return new LocalFlink(home, libs, config);
    }

    /**
     * This cluster without high availability, the choice written to its home. ZooKeeper's data and the {@code ha/}
     * folder go with it, so that turning it on later never resumes jobs of long ago; the checkpoints stay, for
     * `recover`.
     */
    public LocalFlink withoutHighAvailability() throws IOException {
        Files.deleteIfExists(home.resolve(LocalHighAvailability.FILE));
        deleteRecursively(home.resolve("zookeeper"));
        deleteRecursively(LocalHighAvailability.storage(home));
        Configuration without = new Configuration(config);
        LocalHighAvailability.removeFrom(without);
        return new LocalFlink(home, libs, without);
    }

    /** The cluster's high availability, as its home keeps it; empty when it has none. */
    public Optional<LocalHighAvailability> highAvailability() throws IOException {
        return LocalHighAvailability.read(home);
    }

    /** The project's cluster: {@code flink-conf/config.yaml} of the project, home {@code .stockflow/flink}. */
    public static LocalFlink forProject(Path projectHome) {
        Path confDir = projectHome.resolve("flink-conf");
        Configuration config = Files.isRegularFile(confDir.resolve(GlobalConfiguration.FLINK_CONF_FILENAME))
                ? GlobalConfiguration.loadConfiguration(confDir.toAbsolutePath().toString())
                : new Configuration();
        return new LocalFlink(
                projectHome.resolve(".stockflow").resolve("flink"),
                projectHome.resolve("local-flink").resolve("target").resolve("lib"),
                config);
    }

    /**
     * A cluster of its own beside the project's (the fault suite's, the integration tests'): the project's
     * {@code flink-conf} with every port chosen free now (REST, RPC, the Prometheus reporter's pair), memory sized for a
     * machine that runs other work too, and a short first restart back-off so a restore is timed, not waited for.
     */
    public static LocalFlink isolated(Path home, Path projectHome) {
        Path confDir = projectHome.resolve("flink-conf");
        Configuration config = Files.isRegularFile(confDir.resolve(GlobalConfiguration.FLINK_CONF_FILENAME))
                ? GlobalConfiguration.loadConfiguration(confDir.toAbsolutePath().toString())
                : new Configuration();
        config.setString("rest.port", Integer.toString(LocalPorts.freePort()));
        config.setString("jobmanager.rpc.port", Integer.toString(LocalPorts.freePort()));
        int metrics = LocalPorts.freePortPair();
        config.setString("metrics.reporter.prom.port", metrics + "-" + (metrics + 1));
        config.setString("jobmanager.memory.process.size", "768m");
        config.setString("taskmanager.memory.process.size", "1280m");
        // flink-conf fixes RocksDB's managed memory at 512m, more than a 1280m TaskManager's Flink memory leaves room
        // for.
        config.setString("taskmanager.memory.managed.size", "256m");
        config.setString("restart-strategy.exponential-delay.initial-backoff", "500ms");
        return new LocalFlink(
                home, projectHome.resolve("local-flink").resolve("target").resolve("lib"), config);
    }

    private void setIfAbsent(String key, String value) {
        if (!config.containsKey(key)) config.setString(key, value);
    }

    public Path home() {
        return home;
    }

    public Configuration config() {
        return new Configuration(config);
    }

    /** The REST address (and web UI), e.g. {@code 127.0.0.1:8081}. */
    public String restAddress() {
        return config.get(RestOptions.ADDRESS, "127.0.0.1") + ":" + config.get(RestOptions.PORT);
    }

    public Path log(Role role) {
        return home.resolve("log").resolve(role.fileName() + ".log");
    }

    /** Starts a JobManager and a TaskManager and waits until the TaskManager has registered. */
    public void start(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (restAnswers()) throw new IllegalStateException("something already answers on " + restAddress());
        List<ProcessHandle> started = new ArrayList<>();
        Optional<LocalHighAvailability> ha = highAvailability();
        if (ha.isPresent()) started.add(startZooKeeper(ha.get(), deadline));
        started.add(start(Role.JOBMANAGER).toHandle());
        started.add(start(Role.TASKMANAGER).toHandle());
        while (registeredTaskManagers() < 1) {
            for (ProcessHandle p : started) {
                if (!p.isAlive()) {
                    stopAll(Duration.ofSeconds(10));
                    throw new IllegalStateException(
                            "a cluster process exited at start: see the logs in " + home.resolve("log"));
                }
            }
            if (System.nanoTime() > deadline) {
                stopAll(Duration.ofSeconds(10));
                throw new IllegalStateException(
                        "the cluster was not ready within " + timeout + ": see " + home.resolve("log"));
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    /**
     * Starts ZooKeeper, unless this cluster's runs, and waits until it answers: a JobManager started before would only
     * retry, and a port held by another server is said here, with nothing else started.
     */
    private ProcessHandle startZooKeeper(LocalHighAvailability ha, long deadline)
            throws IOException, InterruptedException {
        if (running(Role.ZOOKEEPER).isEmpty() && LocalPorts.accepts(ha.zooKeeperPort())) {
            throw new IllegalStateException("another server holds 127.0.0.1:" + ha.zooKeeperPort()
                    + ", the port of this cluster's ZooKeeper (" + home.resolve(LocalHighAvailability.FILE)
                    + "): stop it, or start without --ha");
        }
        startUnlessRunning(Role.ZOOKEEPER);
        ProcessHandle zk = running(Role.ZOOKEEPER)
                .orElseThrow(() -> new IllegalStateException("ZooKeeper exited at start: see " + log(Role.ZOOKEEPER)));
        while (!LocalZooKeeper.answers(ha.zooKeeperPort())) {
            if (running(Role.ZOOKEEPER).isEmpty() || System.nanoTime() > deadline) {
                stopAll(Duration.ofSeconds(10));
                throw new IllegalStateException("ZooKeeper did not answer on " + ha.quorum() + ": see "
                        + log(Role.ZOOKEEPER) + " and " + home.resolve("log").resolve("zookeeper.out"));
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return zk;
    }

    /** The cluster's health as its processes and REST endpoint show it now. */
    public ClusterHealth health() throws IOException {
        return new ClusterHealth(
                restAnswers(),
                registeredTaskManagers(),
                running(Role.JOBMANAGER).isPresent(),
                Files.isRegularFile(pidFile(Role.TASKMANAGER)),
                running(Role.TASKMANAGER).isPresent(),
                orphanedTaskManagers().stream().map(ProcessHandle::pid).toList(),
                highAvailability().isPresent(),
                running(Role.ZOOKEEPER).isPresent());
    }

    /**
     * Starts the processes a cluster that lost some is missing (a crashed TaskManager, a dead JobManager), never a
     * second one beside a survivor, and waits until a TaskManager has registered. Returns the roles it started.
     */
    public List<Role> startMissing(Duration timeout) throws IOException, InterruptedException {
        stopOrphans();
        List<Role> missing = health().missing();
        for (Role role : missing) startUnlessRunning(role);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (registeredTaskManagers() < 1 || !running(Role.TASKMANAGER).isPresent()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the cluster was not whole again within " + timeout + ": see " + home.resolve("log"));
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return missing;
    }

    /**
     * Starts the role's process unless this home's process of that role runs, under a lock on the home: the supervisor
     * and `cluster start` may both find a TaskManager missing at once, and only one of them may start it. Returns
     * whether it started one.
     */
    public boolean startUnlessRunning(Role role) throws IOException {
        Files.createDirectories(home);
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(
                        home.resolve("cluster.lock"),
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.WRITE);
                java.nio.channels.FileLock lock = channel.lock()) {
            if (running(role).isPresent()) return false;
            start(role);
            return true;
        }
    }

    /**
     * TaskManagers of this cluster (started with its {@code conf/}) that are not the one its pid file names: left
     * behind when a pid file was lost or overwritten. They register under the same resource id as the recorded one
     * ({@code taskmanager-1}), so the JobManager sees one TaskManager that keeps changing, and jobs restart.
     */
    public List<ProcessHandle> orphanedTaskManagers() throws IOException {
        String confDir = home.resolve("conf").toString();
        Optional<Long> recorded = running(Role.TASKMANAGER).map(ProcessHandle::pid);
        return ProcessHandle.allProcesses()
                .filter(p -> recorded.map(pid -> pid != p.pid()).orElse(true))
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains(Role.TASKMANAGER.mainClass) && c.contains("--configDir " + confDir))
                        .orElse(false))
                .toList();
    }

    /** Stops the orphaned TaskManagers (above); returns their pids. */
    public List<Long> stopOrphans() throws IOException, InterruptedException {
        List<Long> stopped = new ArrayList<>();
        for (ProcessHandle orphan : orphanedTaskManagers()) {
            stop(orphan, Duration.ofSeconds(10));
            stopped.add(orphan.pid());
        }
        return stopped;
    }

    /**
     * Starts the supervisor ({@link ClusterSupervisor}), a small JVM of its own that restarts a TaskManager that died
     * and stops orphaned ones, unless it runs. It runs on this JVM's class path and stops by itself once the cluster is
     * stopped. Returns its process, or empty when it already ran.
     */
    public Optional<ProcessHandle> startSupervisor() throws IOException {
        if (supervisor().isPresent()) return Optional.empty();
        Path confDir = writeConf();
        Files.createDirectories(home.resolve("log"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
        command.addAll(JavaModules.OPENS);
        command.add("-Dlog4j2.level=WARN");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ClusterSupervisor.class.getName());
        command.add(home.toString());
        command.add(libs.toString());
        Process process = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        home.resolve("log").resolve("supervisor.log").toFile()))
                .redirectErrorStream(true)
                .start();
        writePid(home.resolve("supervisor.pid"), process.pid());
        return Optional.of(process.toHandle());
    }

    /** The supervisor process, if it runs. */
    public Optional<ProcessHandle> supervisor() throws IOException {
        return recorded(home.resolve("supervisor.pid"));
    }

    /** Whether the cluster was started here and not stopped since (its JobManager's pid file is there). */
    boolean started() {
        return Files.isRegularFile(pidFile(Role.JOBMANAGER));
    }

    /** Starts one process of the cluster (also a TaskManager again after it was killed) and records its pid. */
    public Process start(Role role) throws IOException {
        if (!Files.isDirectory(libs)) {
            throw new IllegalStateException("Flink jars missing in " + libs + ": run `mvn -DskipTests package`");
        }
        Path confDir = writeConf();
        Files.createDirectories(home.resolve("log"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> arguments = new ArrayList<>();
        if (role == Role.ZOOKEEPER) {
            LocalHighAvailability ha = highAvailability()
                    .orElseThrow(() -> new IllegalStateException("no ZooKeeper without high availability"));
            command.addAll(LocalZooKeeper.JVM_OPTIONS);
            arguments.addAll(new LocalZooKeeper(home, ha.zooKeeperPort()).arguments(confDir));
        } else {
            List<String> dynamic;
            if (role == Role.JOBMANAGER) {
                JobManagerProcessSpec spec = JobManagerProcessUtils.processSpecFromConfig(config);
                command.addAll(tokens(JobManagerProcessUtils.generateJvmParametersStr(spec, config)));
                dynamic = tokens(JobManagerProcessUtils.generateDynamicConfigsStr(spec));
            } else {
                TaskExecutorProcessSpec spec = TaskExecutorProcessUtils.processSpecFromConfig(config);
                command.addAll(tokens(ProcessMemoryUtils.generateJvmParametersStr(spec)));
                dynamic = tokens(TaskExecutorProcessUtils.generateDynamicConfigsStr(spec));
            }
            arguments.add("--configDir");
            arguments.add(confDir.toString());
            arguments.addAll(dynamic);
            arguments.addAll(reporterPort(role));
        }
        command.addAll(JavaModules.OPENS);
        command.add("-Dlog.file=" + log(role));
        command.add("-Dlog4j.configurationFile="
                + confDir.resolve("log4j.properties").toUri());
        command.add("-cp");
        command.add(libs + "/*");
        command.add(role.mainClass);
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectOutput(
                        home.resolve("log").resolve(role.fileName() + ".out").toFile())
                .redirectErrorStream(true)
                .start();
        writePid(pidFile(role), process.pid());
        return process;
    }

    /** The process of this role that this cluster's home recorded, if it still runs. */
    public Optional<ProcessHandle> running(Role role) throws IOException {
        return recorded(pidFile(role));
    }

    private static Optional<ProcessHandle> recorded(Path pidFile) throws IOException {
        String pid;
        try {
            pid = Files.readString(pidFile).trim();
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        }
        return pid.matches("\\d+")
                ? ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive)
                : Optional.empty();
    }

    /** Replaces a pid file in one step: the supervisor and the launcher read them while the other writes. */
    private static void writePid(Path pidFile, long pid) throws IOException {
        Path next = pidFile.resolveSibling(pidFile.getFileName() + ".next");
        Files.writeString(next, Long.toString(pid));
        Files.move(
                next,
                pidFile,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Stops the TaskManager, then the JobManager, then ZooKeeper (which they deregister from as they stop): SIGTERM,
     * then SIGKILL after the grace period.
     */
    public void stopAll(Duration grace) throws IOException, InterruptedException {
        // The supervisor first, or it would start the TaskManager stopped below again.
        Optional<ProcessHandle> supervisor = supervisor();
        if (supervisor.isPresent()) stop(supervisor.get(), grace);
        Files.deleteIfExists(home.resolve("supervisor.pid"));
        for (Role role : List.of(Role.TASKMANAGER, Role.JOBMANAGER, Role.ZOOKEEPER)) {
            Optional<ProcessHandle> process = running(role);
            if (process.isPresent()) stop(process.get(), grace);
            Files.deleteIfExists(pidFile(role));
        }
    }

    /** SIGKILL: the process gets no chance to clean up, as when a machine dies. */
    public void kill(Role role) throws IOException, InterruptedException, ExecutionException, TimeoutException {
        Optional<ProcessHandle> process = running(role);
        if (process.isEmpty()) throw new IllegalStateException(role + " is not running");
        process.get().destroyForcibly();
        process.get().onExit().get(30, TimeUnit.SECONDS);
    }

    public static void stop(ProcessHandle process, Duration grace) throws InterruptedException {
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
        }
    }

    /** Whether the REST endpoint answers. */
    public boolean restAnswers() {
        return overview().isPresent();
    }

    /** TaskManagers registered with the JobManager; 0 when it does not answer. */
    public int registeredTaskManagers() {
        return overview()
                .map(body -> {
                    int i = body.indexOf("\"taskmanagers\":");
                    if (i < 0) return 0;
                    int start = i + "\"taskmanagers\":".length();
                    int end = start;
                    while (end < body.length() && Character.isDigit(body.charAt(end))) end++;
                    return end == start ? 0 : Integer.parseInt(body.substring(start, end));
                })
                .orElse(0);
    }

    private Optional<String> overview() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://" + restAddress() + "/overview"))
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Path pidFile(Role role) {
        return home.resolve(role.fileName() + ".pid");
    }

    private Path writeConf() throws IOException {
        Path confDir = home.resolve("conf");
        Files.createDirectories(confDir);
        Files.write(
                confDir.resolve(GlobalConfiguration.FLINK_CONF_FILENAME),
                ConfigurationUtils.convertConfigToWritableLines(config, true));
        Files.writeString(
                confDir.resolve("log4j.properties"),
                String.join(
                        "\n",
                        "rootLogger.level = INFO",
                        "rootLogger.appenderRef.file.ref = File",
                        "appender.file.name = File",
                        "appender.file.type = File",
                        "appender.file.append = true",
                        "appender.file.fileName = ${sys:log.file}",
                        "appender.file.layout.type = PatternLayout",
                        "appender.file.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %t %c - %m%n",
                        "logger.kafka.name = org.apache.kafka",
                        "logger.kafka.level = WARN",
                        "logger.zookeeper.name = org.apache.flink.shaded.zookeeper3",
                        "logger.zookeeper.level = WARN",
                        "logger.metricgroup.name = org.apache.flink.metrics.MetricGroup",
                        "logger.metricgroup.level = ERROR",
                        ""));
        return confDir;
    }

    /**
     * With a port range for the Prometheus reporter, the JobManager takes its first port and the TaskManager the next,
     * so each has a known address whichever starts first.
     */
    private List<String> reporterPort(Role role) {
        String key = "metrics.reporter.prom.port";
        String range = config.getString(key, null);
        if (range == null || !range.matches("\\d+-\\d+")) return List.of();
        int first = Integer.parseInt(range.substring(0, range.indexOf('-')));
        return List.of("-D", key + "=" + (role == Role.JOBMANAGER ? first : first + 1));
    }

    /** The port the role's Prometheus reporter serves on, when configured as above. */
    public int metricsPort(Role role) {
        String range = config.getString("metrics.reporter.prom.port", "9249");
        int first = Integer.parseInt(range.split("-")[0]);
        return role == Role.JOBMANAGER ? first : first + 1;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) return;
        try (java.util.stream.Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static List<String> tokens(String flags) {
        List<String> out = new ArrayList<>();
        for (String t : flags.trim().split("\\s+")) if (!t.isEmpty()) out.add(t);
        return out;
    }

    @Override
    public String toString() {
        return "LocalFlink" + Arrays.asList(home, restAddress());
    }
}
