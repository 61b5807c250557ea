package io.stockflow.local;

import io.stockflow.local.LocalFlink.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.GlobalConfiguration;

/**
 * The local cluster's supervisor, a small JVM that {@code cluster start} starts beside the JobManager and TaskManager:
 * it starts the TaskManager again when its process is gone (crashed, killed, out of memory), so the jobs get their
 * slots back and restore from their checkpoints without anyone running a command, and it stops orphaned TaskManagers
 * (ones that would register under the recorded one's id). With high availability it also starts a JobManager that died
 * (the new one takes the leadership once the dead one's ZooKeeper session expires, and resumes its jobs from ZooKeeper
 * and the {@code ha/} folder) and ZooKeeper when it died. Without high availability it leaves a dead JobManager alone:
 * a new one would know none of the old one's jobs, which `stockflow recover` resumes. A process that keeps dying is
 * started again after a growing pause ({@link RestartBackoff}). It exits when the cluster is stopped (the JobManager's
 * pid file is gone). It writes what it does to {@code log/supervisor.log}.
 */
public final class ClusterSupervisor {
    private static final Duration POLL = Duration.ofMillis(500);

    private final LocalFlink flink;

    ClusterSupervisor(LocalFlink flink) {
        this.flink = flink;
    }

    /** {@code ClusterSupervisor HOME LIBS}: supervises the cluster whose home and jars these are. */
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        LocalFlink flink = new LocalFlink(
                home,
                Path.of(args[1]),
                GlobalConfiguration.loadConfiguration(home.resolve("conf").toString()));
        new ClusterSupervisor(flink).run();
    }

    void run() throws Exception {
        boolean ha = flink.highAvailability().isPresent();
        say("supervising the cluster in " + flink.home() + " (pid "
                + ProcessHandle.current().pid() + "), "
                + (ha ? "with high availability: ZooKeeper, JobManager and TaskManager" : "its TaskManager"));
        Map<Role, RestartBackoff> watched = new LinkedHashMap<>();
        for (Role role : ha ? List.of(Role.ZOOKEEPER, Role.JOBMANAGER, Role.TASKMANAGER) : List.of(Role.TASKMANAGER)) {
            watched.put(role, new RestartBackoff());
        }
        while (flink.started()) {
            List<Long> orphans = flink.stopOrphans();
            if (!orphans.isEmpty()) {
                say("stopped orphaned TaskManager(s) " + orphans
                        + ": they registered under the same id as the cluster's TaskManager");
            }
            for (Map.Entry<Role, RestartBackoff> w : watched.entrySet()) {
                if (flink.started()) restartIfGone(w.getKey(), w.getValue());
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
        say("the cluster was stopped: supervisor exits");
    }

    private void restartIfGone(Role role, RestartBackoff backoff) throws Exception {
        if (flink.running(role).isPresent()) return;
        Instant now = Instant.now();
        Optional<Duration> scheduled = backoff.gone(now);
        if (scheduled.isPresent() && !scheduled.get().isZero()) {
            say("the " + name(role) + " is gone again; starting it in "
                    + scheduled.get().toSeconds() + " s");
        }
        if (!backoff.due(now)) return;
        if (flink.startUnlessRunning(role)) {
            say("the " + name(role) + " process was gone: started another (pid "
                    + flink.running(role).map(p -> Long.toString(p.pid())).orElse("-") + ")");
        }
        backoff.started(Instant.now());
    }

    private static String name(Role role) {
        return switch (role) {
            case JOBMANAGER -> "JobManager";
            case TASKMANAGER -> "TaskManager";
            case ZOOKEEPER -> "ZooKeeper";
        };
    }

    private static void say(String message) {
        System.out.println(Instant.now() + " " + message);
        System.out.flush();
    }
}
