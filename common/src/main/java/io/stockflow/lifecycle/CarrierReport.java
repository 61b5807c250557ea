package io.stockflow.lifecycle;

import io.stockflow.alert.Alert;

/**
 * What the lifecycle tells the grouping of silent carriers about one shipped order: its carrier reported for the
 * first time ({@code heard}), or a per-order breach ({@code STUCK_ORDER}, {@code DELIVERY_SLA_BREACH}) of an order
 * its carrier never reported on, with the alert itself. Grouped by carrier, or by channel when the carrier is not
 * known. A Flink POJO.
 */
public class CarrierReport {
    /** {@code carrier:<name>} or {@code channel:<name>}. */
    public String group;

    public String carrier;
    public String channel;
    public String orderId;
    /** When the order shipped (its first shipped stage). */
    public long shippedAt;
    /** The carrier update's time, or the breach's. */
    public long eventTime;

    public boolean heard;
    /** For a breach: the first one of the order, so that it is counted once. */
    public boolean firstOfOrder;

    public Alert breach;

    public CarrierReport() {}

    public static String group(String carrier, String channel) {
        return carrier != null ? "carrier:" + carrier : "channel:" + channel;
    }

    public static CarrierReport heard(OrderTrack t, long shippedAt, long at) {
        CarrierReport r = of(t, shippedAt, at);
        r.heard = true;
        return r;
    }

    public static CarrierReport silent(OrderTrack t, long shippedAt, Alert breach, boolean firstOfOrder) {
        CarrierReport r = of(t, shippedAt, breach.eventTime);
        r.breach = breach;
        r.firstOfOrder = firstOfOrder;
        return r;
    }

    private static CarrierReport of(OrderTrack t, long shippedAt, long at) {
        CarrierReport r = new CarrierReport();
        r.group = group(t.carrier, t.channel);
        r.carrier = t.carrier;
        r.channel = t.channel;
        r.orderId = t.orderId;
        r.shippedAt = shippedAt;
        r.eventTime = at;
        return r;
    }

    /** Ties of event time: carrier updates first, then breaches by order and type. */
    public String sequenceKey() {
        return (heard ? "a|" : "b|") + orderId + "|" + (breach == null ? "" : breach.type);
    }
}
