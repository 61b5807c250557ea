package io.stockflow.notify;

/**
 * A record of {@code notifications.customer}: what to tell a customer, never how (email or SMS is the consumer's
 * choice). The recipient is known only by hashes. {@code variablesJson} is a rendered JSON object, so the record stays
 * a plain Flink POJO.
 */
public class Notification {
    public String notificationId;
    public NotificationKind kind;
    public String orderId;
    /** The sales channel of the order (shopify, amazon, ebay, woocommerce). */
    public String channel;

    public String template;
    public String branch;
    public String locale;
    public String emailHash;
    public String phoneHash;
    public String variablesJson;
    public long eventTime;
    public long createdAt;

    public Notification() {}

    @Override
    public String toString() {
        return kind + " " + orderId + " " + template + "/" + branch + " [" + notificationId + "]";
    }
}
