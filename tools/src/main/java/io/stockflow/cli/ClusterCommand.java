package io.stockflow.cli;

import io.stockflow.flink.main.Home;
import io.stockflow.local.ClusterHealth;
import io.stockflow.local.LocalFlink;
import io.stockflow.local.LocalFlink.Role;
import io.stockflow.local.LocalHighAvailability;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "cluster",
        mixinStandardHelpOptions = true,
        header = "A local standalone Flink session cluster: start, stop or status.",
        description = {
            "A real standalone Flink session cluster on this machine: a JobManager and a TaskManager, each "
                    + "its own process, from the jars the build fetched, configured by flink-conf/config.yaml.",
            "Everything under .stockflow/flink (conf/, log/, checkpoints/, savepoints/); bound to 127.0.0.1.",
            "With --ha also a ZooKeeper (127.0.0.1:" + ClusterCommand.ZOOKEEPER_PORT + ") for JobManager high "
                    + "availability: a JobManager that dies is started again and resumes its jobs by itself."
        })
public final class ClusterCommand implements Callable<Integer> {
    /** The port of the project cluster's ZooKeeper, ZooKeeper's usual one. */
    static final int ZOOKEEPER_PORT = 2181;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ACTION", description = "start, stop or status.")
    String action;

    @Option(
            names = "--no-supervise",
            description = {
                "start: without the supervisor, a small process that starts a TaskManager that died again and stops "
                        + "orphaned ones (log/supervisor.log). On by default."
            })
    boolean noSupervise;

    @Option(
            names = "--ha",
            negatable = true,
            description = {
                "start: with JobManager high availability (a ZooKeeper of its own, its data under .stockflow/flink), so "
                        + "that a JobManager that dies is started again by the supervisor and resumes the jobs by itself;",
                "--no-ha: without. The choice is kept until changed (a plain `start` keeps it); off at first."
            })
    Boolean ha;

    @Override
    public Integer call() throws Exception {
        LocalFlink flink = LocalFlink.forProject(Home.path());
        Optional<ProcessHandle> jm = flink.running(Role.JOBMANAGER);
        Optional<ProcessHandle> tm = flink.running(Role.TASKMANAGER);
        switch (action) {
            case "start":
                ClusterHealth before = flink.health();
                if (ha != null && ha != before.highAvailability()) {
                    if (before.state() != ClusterHealth.State.DOWN) {
                        err().println("the cluster runs " + (before.highAvailability() ? "with" : "without")
                                + " high availability: stop it first (`stockflow cluster stop`) to change that");
                        return 2;
                    }
                    flink = ha ? flink.withHighAvailability(ZOOKEEPER_PORT) : flink.withoutHighAvailability();
                }
                if (before.state() == ClusterHealth.State.UP) {
                    out().println("A Flink cluster already answers on http://" + flink.restAddress() + pids(jm, tm));
                    if (jm.isPresent()) {
                        highAvailabilityStatus(flink).ifPresent(out()::println);
                        supervise(flink);
                    }
                    return 0;
                }
                if (before.state() == ClusterHealth.State.UNHEALTHY) {
                    out().println("The cluster is unhealthy: " + before.problem() + "; starting " + before.missing()
                            + " ...");
                    if (!before.orphanedTaskManagers().isEmpty()) {
                        out().println("Stopping orphaned TaskManager(s) " + before.orphanedTaskManagers());
                    }
                    List<Role> startedRoles = flink.startMissing(Duration.ofSeconds(90));
                    out().println("Flink cluster whole again (started " + startedRoles + "): http://"
                            + flink.restAddress()
                            + pids(flink.running(Role.JOBMANAGER), flink.running(Role.TASKMANAGER)));
                    if (startedRoles.contains(Role.JOBMANAGER) && before.highAvailability()) {
                        out().println("The new JobManager resumes the jobs that ran from ZooKeeper and "
                                + flink.home().resolve("ha") + " by itself");
                    } else if (startedRoles.contains(Role.JOBMANAGER)) {
                        out().println("The new JobManager knows none of the old one's jobs: resume each with"
                                + " `stockflow recover JOB` (from its latest retained checkpoint)");
                    }
                    supervise(flink);
                    return 0;
                }
                long started = System.nanoTime();
                flink.start(Duration.ofSeconds(90));
                out().printf(
                                "Flink cluster up in %.1f s: web UI and REST on http://%s%s%n",
                                (System.nanoTime() - started) / 1e9,
                                flink.restAddress(),
                                pids(flink.running(Role.JOBMANAGER), flink.running(Role.TASKMANAGER)));
                out().println("Metrics for Prometheus: http://127.0.0.1:" + flink.metricsPort(Role.JOBMANAGER)
                        + "/metrics (JobManager), http://127.0.0.1:" + flink.metricsPort(Role.TASKMANAGER)
                        + "/metrics (TaskManager: the jobs' metrics)");
                highAvailabilityStatus(flink).ifPresent(out()::println);
                supervise(flink);
                out().println("Logs: " + flink.home().resolve("log"));
                return 0;
            case "stop":
                if (jm.isEmpty()
                        && tm.isEmpty()
                        && flink.supervisor().isEmpty()
                        && flink.running(Role.ZOOKEEPER).isEmpty()) {
                    out().println("No Flink cluster started by stockflow is running.");
                    return 0;
                }
                flink.stopAll(Duration.ofSeconds(20));
                out().println("Flink cluster stopped" + pids(jm, tm));
                if (flink.highAvailability().isPresent()) {
                    out().println("ZooKeeper stopped too; it keeps the jobs that ran, and they resume at the next"
                            + " `stockflow cluster start` (cancel or stop a job first to end it)");
                }
                return 0;
            case "status":
                ClusterHealth health = flink.health();
                switch (health.state()) {
                    case UP:
                        out().println("up on http://" + flink.restAddress() + ", " + health.taskManagers()
                                + " TaskManager(s)" + (jm.isPresent() ? pids(jm, tm) : " (not started by stockflow)")
                                + (jm.isPresent() ? supervisorStatus(flink) : ""));
                        out().println(highAvailabilityStatus(flink).orElse("high availability: off"));
                        return 0;
                    case UNHEALTHY:
                        out().println("unhealthy: " + health.problem() + pids(jm, tm)
                                + "; `stockflow cluster start` starts what is missing");
                        highAvailabilityStatus(flink).ifPresent(out()::println);
                        return 1;
                    default:
                        out().println("down");
                        return 3;
                }
            default:
                err().println("unknown action '" + action + "': use start, stop or status");
                return 2;
        }
    }

    private void supervise(LocalFlink flink) throws java.io.IOException {
        if (noSupervise) return;
        Optional<ProcessHandle> started = flink.startSupervisor();
        Optional<ProcessHandle> running = started.isPresent() ? started : flink.supervisor();
        String what = flink.highAvailability().isPresent()
                ? "a TaskManager, JobManager or ZooKeeper that dies"
                : "a TaskManager that dies";
        running.ifPresent(
                p -> out().println("Supervisor pid " + p.pid() + ": starts " + what + " again (log/supervisor.log)"));
    }

    /** ZooKeeper's address and process and where the JobManager keeps its jobs; empty without high availability. */
    private static Optional<String> highAvailabilityStatus(LocalFlink flink) throws java.io.IOException {
        Optional<LocalHighAvailability> ha = flink.highAvailability();
        if (ha.isEmpty()) return Optional.empty();
        return Optional.of("high availability: ZooKeeper on " + ha.get().quorum() + " ("
                + flink.running(Role.ZOOKEEPER).map(p -> "pid " + p.pid()).orElse("not running") + "), cluster id "
                + ha.get().clusterId() + ", jobs kept in " + LocalHighAvailability.storage(flink.home()));
    }

    private static String supervisorStatus(LocalFlink flink) throws java.io.IOException {
        return flink.supervisor().map(p -> ", supervised (pid " + p.pid() + ")").orElse(", not supervised");
    }

    private static String pids(Optional<ProcessHandle> jm, Optional<ProcessHandle> tm) {
        return " (JobManager pid " + jm.map(p -> Long.toString(p.pid())).orElse("-") + ", TaskManager pid "
                + tm.map(p -> Long.toString(p.pid())).orElse("-") + ")";
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private java.io.PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
