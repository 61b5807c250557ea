package io.stockflow.local;

import io.stockflow.local.LocalFlink.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.GlobalConfiguration;

/**
 * The local cluster's supervisor, a small JVM that {@code cluster start} starts beside the JobManager and TaskManager:
 * it starts the TaskManager again when its process is gone (crashed, killed, out of memory), so the jobs get their
 * slots back and restore from their checkpoints without anyone running a command, and it stops orphaned TaskManagers
 * (ones that would register under the recorded one's id). A TaskManager that keeps dying is started again after a
 * growing pause (1 s doubling to 60 s) rather than in a tight loop. It does not start a JobManager: a new one knows none
 * of the old one's jobs, which `stockflow recover` resumes. It exits when the cluster is stopped (the JobManager's pid
 * file is gone). It writes what it does to {@code log/supervisor.log}.
 */
public final class ClusterSupervisor {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(60);
    /** A TaskManager that ran this long since its start is healthy again: the next restart starts without a pause. */
    private static final Duration STABLE = Duration.ofMinutes(2);

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
        say("supervising the cluster in " + flink.home() + " (pid "
                + ProcessHandle.current().pid() + ")");
        Duration pause = Duration.ZERO;
        Instant lastStart = Instant.MIN;
        while (flink.started()) {
            List<Long> orphans = flink.stopOrphans();
            if (!orphans.isEmpty()) {
                say("stopped orphaned TaskManager(s) " + orphans
                        + ": they registered under the same id as the cluster's TaskManager");
            }
            Optional<ProcessHandle> taskManager = flink.running(Role.TASKMANAGER);
            if (taskManager.isEmpty()) {
                if (Duration.between(lastStart, Instant.now()).compareTo(STABLE) > 0) pause = Duration.ZERO;
                if (!pause.isZero()) {
                    say("the TaskManager is gone again; starting it in " + pause.toSeconds() + " s");
                    TimeUnit.MILLISECONDS.sleep(pause.toMillis());
                    if (!flink.started()) break;
                }
                if (flink.startUnlessRunning(Role.TASKMANAGER)) {
                    say("the TaskManager process was gone: started another (pid "
                            + flink.running(Role.TASKMANAGER)
                                    .map(p -> Long.toString(p.pid()))
                                    .orElse("-") + ")");
                }
                lastStart = Instant.now();
                pause = pause.isZero() ? FIRST_PAUSE : min(pause.multipliedBy(2), LONGEST_PAUSE);
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
        say("the cluster was stopped: supervisor exits");
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void say(String message) {
        System.out.println(Instant.now() + " " + message);
        System.out.flush();
    }
}
