package io.stockflow.notifier.contacts;

import io.stockflow.notifier.topics.CompactedTopicView;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contacts of orders, from the restricted compacted topic {@code customers.contacts} (keyed by order id). A
 * tombstone erases an order's contact here as compaction erases it on the broker. Only the sender holds this.
 */
public final class ContactBook implements AutoCloseable {
    private final Map<String, Contact> byOrder = new ConcurrentHashMap<>();
    private final CompactedTopicView view;
    private long unreadable;

    public ContactBook(String bootstrap, String topic, Map<String, String> kafkaProperties) {
        this.view = new CompactedTopicView(bootstrap, topic, kafkaProperties, this::apply);
    }

    private void apply(String orderId, String json) {
        if (orderId == null) return;
        if (json == null) {
            byOrder.remove(orderId);
            return;
        }
        Contact contact = ContactJson.read(orderId, json);
        if (contact == null) {
            unreadable++;
            byOrder.remove(orderId);
        } else {
            byOrder.put(orderId, contact);
        }
    }

    /** Reads every contact written before this call. */
    public void catchUp(Duration timeout) {
        view.catchUp(timeout);
    }

    /** The order's contact, or null when none was written, it was erased, or it could not be read. */
    public Contact find(String orderId) {
        return byOrder.get(orderId);
    }

    public long unreadable() {
        return unreadable;
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
