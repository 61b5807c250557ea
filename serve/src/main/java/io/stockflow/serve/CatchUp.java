package io.stockflow.serve;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether the views hold what the topics held when the service started: the end offsets seen at start (for a
 * {@code read_committed} consumer, the last stable offsets) are the target; the service is catching up until its
 * consumer's position reached every one of them. Once reached it stays serving: later records are live traffic.
 */
public final class CatchUp {
    private final Map<TopicPartition, Long> target = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> position = new ConcurrentHashMap<>();
    private volatile boolean targetKnown;
    private volatile boolean caughtUp;

    void target(Map<TopicPartition, Long> endOffsets) {
        target.putAll(endOffsets);
        targetKnown = true;
        check();
    }

    void position(TopicPartition partition, long offset) {
        position.put(partition, offset);
    }

    /** Re-evaluates after a poll; true once every partition reached its target. */
    boolean check() {
        if (caughtUp || !targetKnown) return caughtUp;
        for (Map.Entry<TopicPartition, Long> t : target.entrySet())
            if (position.getOrDefault(t.getKey(), 0L) < t.getValue()) return false;
        caughtUp = true;
        return true;
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    /** Per actual topic: records read so far of those to read, summed over its partitions. */
    public Map<String, long[]> progress() {
        Map<String, long[]> out = new TreeMap<>();
        for (Map.Entry<TopicPartition, Long> t : target.entrySet()) {
            long[] p = out.computeIfAbsent(t.getKey().topic(), k -> new long[2]);
            p[0] += Math.min(position.getOrDefault(t.getKey(), 0L), t.getValue());
            p[1] += t.getValue();
        }
        return out;
    }
}
