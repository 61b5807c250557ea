package io.stockflow.local;

import java.util.ArrayList;
import java.util.List;

/**
 * The local cluster's state as its processes and its REST endpoint show it, and what `cluster start` must start to
 * make it whole: only the processes that are missing, so a surviving TaskManager is never joined by a second one that
 * registers under the same name.
 *
 * @param restAnswers whether the JobManager's REST endpoint answers
 * @param taskManagers TaskManagers registered with it (it counts a dead one until its heartbeat times out)
 * @param jobManagerAlive whether the JobManager process this project started still runs
 * @param taskManagerStarted whether this project started a TaskManager (it has a pid file)
 * @param taskManagerAlive whether that TaskManager process still runs
 * @param orphanedTaskManagers pids of TaskManagers of this cluster other than the recorded one (same resource id)
 * @param highAvailability whether the cluster runs with JobManager high availability (ZooKeeper)
 * @param zooKeeperAlive whether the cluster's ZooKeeper process runs
 */
public record ClusterHealth(
        boolean restAnswers,
        int taskManagers,
        boolean jobManagerAlive,
        boolean taskManagerStarted,
        boolean taskManagerAlive,
        List<Long> orphanedTaskManagers,
        boolean highAvailability,
        boolean zooKeeperAlive) {

    /** A cluster without high availability. */
    public ClusterHealth(
            boolean restAnswers,
            int taskManagers,
            boolean jobManagerAlive,
            boolean taskManagerStarted,
            boolean taskManagerAlive,
            List<Long> orphanedTaskManagers) {
        this(
                restAnswers,
                taskManagers,
                jobManagerAlive,
                taskManagerStarted,
                taskManagerAlive,
                orphanedTaskManagers,
                false,
                false);
    }

    /** A cluster without high availability or orphans. */
    public ClusterHealth(
            boolean restAnswers,
            int taskManagers,
            boolean jobManagerAlive,
            boolean taskManagerStarted,
            boolean taskManagerAlive) {
        this(restAnswers, taskManagers, jobManagerAlive, taskManagerStarted, taskManagerAlive, List.of());
    }

    public enum State {
        UP,
        UNHEALTHY,
        DOWN
    }

    public State state() {
        if (!restAnswers && !jobManagerAlive && !taskManagerAlive && orphanedTaskManagers.isEmpty() && !zooKeeperAlive)
            return State.DOWN;
        boolean taskManagerLost = taskManagers < 1 || (taskManagerStarted && !taskManagerAlive);
        return restAnswers && !taskManagerLost && orphanedTaskManagers.isEmpty() && !zooKeeperLost()
                ? State.UP
                : State.UNHEALTHY;
    }

    private boolean zooKeeperLost() {
        return highAvailability && !zooKeeperAlive;
    }

    /** What is wrong, for people; empty when the cluster is up or down as a whole. */
    public String problem() {
        if (state() != State.UNHEALTHY) return "";
        if (!orphanedTaskManagers.isEmpty()) {
            return "orphaned TaskManager(s) " + orphanedTaskManagers
                    + " run beside the recorded one and register under the same id (`stockflow cluster start` stops"
                    + " them)";
        }
        if (zooKeeperLost()) {
            return "ZooKeeper is gone: a JobManager keeps its leadership only for its 10 s session without it, then"
                    + " the jobs wait for it";
        }
        if (!restAnswers) {
            if (jobManagerAlive) return "the JobManager runs but its REST endpoint does not answer";
            return highAvailability
                    ? "the JobManager is gone (high availability: a new one resumes its jobs by itself)"
                    : "the JobManager is gone (its jobs with it: resubmit them from their latest checkpoint)";
        }
        return taskManagerStarted && !taskManagerAlive
                ? "the TaskManager process is gone: every job waits for slots"
                : "no TaskManager is registered: every job waits for slots";
    }

    /** The processes `cluster start` starts: those missing, ZooKeeper first, then the JobManager. */
    public List<LocalFlink.Role> missing() {
        List<LocalFlink.Role> roles = new ArrayList<>();
        if (zooKeeperLost()) roles.add(LocalFlink.Role.ZOOKEEPER);
        if (!restAnswers && !jobManagerAlive) roles.add(LocalFlink.Role.JOBMANAGER);
        if (!taskManagerAlive && (taskManagers < 1 || taskManagerStarted)) roles.add(LocalFlink.Role.TASKMANAGER);
        return roles;
    }
}
