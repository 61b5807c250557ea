package io.stockflow.flink.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.runtime.jobgraph.DistributionPattern;
import org.apache.flink.runtime.jobgraph.JobEdge;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;

/**
 * Finds the tasks of a job graph at which a checkpoint can wait for good, given whether checkpoints may be unaligned.
 *
 * <p>Flink takes a task's checkpoint unaligned only when every exchange into it is all-to-all (hash, rebalance); a task
 * with a forward (pointwise) or broadcast input always aligns: it blocks each input whose barrier came until the
 * barriers of all its inputs are in. A task that may go unaligned passes a barrier on as soon as the first one reaches
 * it, ahead of the data it has not processed. The stall: a task that aligns ({@code task}) gets the barrier early from
 * one input ({@code early}), because a task that went unaligned lies on the way to it, and blocks that input while it
 * waits for the barrier of another input ({@code late}). When {@code late}'s barrier depends on a task ({@code held})
 * that aligns and also feeds the early input's way, that task is back-pressured through the blocked input and never
 * processes the data in front of its barrier: neither barrier nor data move again. With aligned checkpoints only, a
 * barrier leaves a task after the barriers of all its inputs, so no input is blocked before every task upstream of it
 * is past its barrier, and no such wait exists.
 */
final class BarrierStalls {
    /** A task that can wait for good, the input it blocks, the input it waits for, and the task holding that one. */
    record Stall(String task, String early, String late, String held) {
        @Override
        public String toString() {
            return "'" + task + "' blocks its input from '" + early + "' and waits for '" + late + "', whose barrier '"
                    + held + "' holds while the blocked input back-pressures it";
        }
    }

    private BarrierStalls() {}

    static List<Stall> find(JobGraph graph, boolean unalignedEnabled) {
        List<Stall> stalls = new ArrayList<>();
        for (JobVertex task : graph.getVertices()) {
            if (!alignsOnly(task, unalignedEnabled)) continue;
            Set<JobVertex> producers = producers(task);
            for (JobVertex early : producers) {
                Set<JobVertex> overtaken = overtakenOnTheWayTo(early, unalignedEnabled);
                for (JobVertex late : producers) {
                    if (late == early) continue;
                    for (JobVertex held : barrierHolders(late, unalignedEnabled)) {
                        if (overtaken.contains(held)) {
                            stalls.add(new Stall(task.getName(), early.getName(), late.getName(), held.getName()));
                        }
                    }
                }
            }
        }
        return stalls;
    }

    /** A task with inputs whose checkpoints are always aligned. */
    private static boolean alignsOnly(JobVertex task, boolean unalignedEnabled) {
        if (task.getInputs().isEmpty()) return false;
        if (!unalignedEnabled) return true;
        for (JobEdge input : task.getInputs()) {
            if (input.getDistributionPattern() == DistributionPattern.POINTWISE || input.isBroadcast()) return true;
        }
        return false;
    }

    /** A task with inputs that passes a barrier on ahead of the data it has not processed. */
    private static boolean mayOvertake(JobVertex task, boolean unalignedEnabled) {
        return !task.getInputs().isEmpty() && !alignsOnly(task, unalignedEnabled);
    }

    /**
     * The tasks upstream of {@code input} with a task that may go unaligned after them on the way to it (or {@code
     * input} itself may): a barrier can reach the end of that way before they are past it.
     */
    private static Set<JobVertex> overtakenOnTheWayTo(JobVertex input, boolean unalignedEnabled) {
        Set<JobVertex> overtaken = new HashSet<>();
        Set<String> visited = new HashSet<>();
        Deque<JobVertex> tasks = new ArrayDeque<>();
        Deque<Boolean> overtakingAfter = new ArrayDeque<>();
        tasks.add(input);
        overtakingAfter.add(false);
        while (!tasks.isEmpty()) {
            JobVertex task = tasks.poll();
            boolean after = overtakingAfter.poll() || mayOvertake(task, unalignedEnabled);
            if (!visited.add(task.getID() + "/" + after)) continue;
            for (JobVertex producer : producers(task)) {
                if (after) overtaken.add(producer);
                tasks.add(producer);
                overtakingAfter.add(after);
            }
        }
        return overtaken;
    }

    /** {@code input}, if it aligns, and the tasks that align upstream of it with only aligning tasks in between. */
    private static Set<JobVertex> barrierHolders(JobVertex input, boolean unalignedEnabled) {
        Set<JobVertex> holders = new LinkedHashSet<>();
        Deque<JobVertex> tasks = new ArrayDeque<>(List.of(input));
        while (!tasks.isEmpty()) {
            JobVertex task = tasks.poll();
            if (!alignsOnly(task, unalignedEnabled) || !holders.add(task)) continue;
            tasks.addAll(producers(task));
        }
        return holders;
    }

    private static Set<JobVertex> producers(JobVertex task) {
        Set<JobVertex> producers = new LinkedHashSet<>();
        for (JobEdge input : task.getInputs()) producers.add(input.getSource().getProducer());
        return producers;
    }
}
