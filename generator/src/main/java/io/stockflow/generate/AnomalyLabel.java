package io.stockflow.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What the generator injected, and when: one line of the labels file. {@code subject} names one of {@code sku},
 * {@code channel}, {@code order_id}, or {@code sku} with {@code location}, as the alert of that type does.
 */
public final class AnomalyLabel {
    public final String type;
    public final String sku;
    public final String location;
    public final String channel;
    public final String orderId;
    public final long start;
    public final long end;

    public AnomalyLabel(
            String type, String sku, String location, String channel, String orderId, long start, long end) {
        this.type = Objects.requireNonNull(type);
        this.sku = sku;
        this.location = location;
        this.channel = channel;
        this.orderId = orderId;
        // To the second: Shopify and WooCommerce give order times to the second, so an order injected at 12:00:00.700
        // is an order of 12:00:00 in the canonical stream.
        this.start = Math.floorDiv(start, 1000) * 1000;
        this.end = end;
    }

    /** The subject as one comparable string: {@code sku=..,location=..,channel=..,order_id=..} (set parts only). */
    public String subject() {
        return subjectKey(sku, location, channel, orderId);
    }

    public static String subjectKey(String sku, String location, String channel, String orderId) {
        StringBuilder b = new StringBuilder();
        if (sku != null) b.append("sku=").append(sku).append(',');
        if (location != null) b.append("location=").append(location).append(',');
        if (channel != null) b.append("channel=").append(channel).append(',');
        if (orderId != null) b.append("order_id=").append(orderId).append(',');
        return b.toString();
    }

    public String toJson() {
        ObjectNode n = Formats.object();
        n.put("type", type);
        ObjectNode subject = n.putObject("subject");
        if (sku != null) subject.put("sku", sku);
        if (location != null) subject.put("location", location);
        if (channel != null) subject.put("channel", channel);
        if (orderId != null) subject.put("order_id", orderId);
        n.put("start", Formats.instant(start));
        n.put("end", Formats.instant(end));
        return Formats.write(n);
    }

    @Override
    public String toString() {
        return toJson();
    }
}
