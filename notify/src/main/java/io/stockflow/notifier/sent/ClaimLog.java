package io.stockflow.notifier.sent;

import io.stockflow.notifier.topics.CompactedTopicView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of every notification any sender claimed, from the compacted topic {@code notifications.sent}. It is
 * read to its end before each batch, so an id claimed by another sender (a partition that moved in a rebalance, a
 * repeat of the same notification) is seen before this one would claim it.
 */
public final class ClaimLog implements AutoCloseable {
    private final Map<String, Claim> byId = new ConcurrentHashMap<>();
    private final CompactedTopicView view;

    public ClaimLog(String bootstrap, String topic, Map<String, String> kafkaProperties) {
        this.view = new CompactedTopicView(bootstrap, topic, kafkaProperties, this::apply);
    }

    private void apply(String id, String json) {
        if (id == null) return;
        if (json == null) byId.remove(id);
        else byId.put(id, Claim.fromJson(json));
    }

    public void catchUp(Duration timeout) {
        view.catchUp(timeout);
    }

    /** Records a claim this sender wrote, without waiting to read it back. */
    public void remember(Claim claim) {
        byId.put(claim.notificationId(), claim);
    }

    public boolean claimed(String notificationId) {
        return byId.containsKey(notificationId);
    }

    /** Held notifications whose quiet hours ended by {@code now}. */
    public List<Claim> heldUntil(Instant now) {
        List<Claim> due = new ArrayList<>();
        for (Claim c : byId.values())
            if (c.state() == Claim.State.HELD && !c.until().isAfter(now)) due.add(c);
        return due;
    }

    /** Notifications waiting for their order's contact, whatever their deadline. */
    public List<Claim> waiting() {
        List<Claim> out = new ArrayList<>();
        for (Claim c : byId.values()) if (c.state() == Claim.State.WAITING) out.add(c);
        return out;
    }

    /** Claims with no outcome: sends a crash (or a halt) interrupted, which are never tried again. */
    public long interrupted() {
        return byId.values().stream()
                .filter(c -> c.state() == Claim.State.SENDING)
                .count();
    }

    /** Ends a catch-up in progress (or the next one) with a {@link org.apache.kafka.common.errors.WakeupException}. */
    public void wakeup() {
        view.wakeup();
    }

    @Override
    public void close() {
        view.close();
    }
}
