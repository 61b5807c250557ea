package io.stockflow.lifecycle;

/**
 * What the lifecycle keeps, beside an order's {@link OrderTrack}, of its carrier: when a carrier update first reached
 * it (0: never), and whether its silence was already counted. A Flink POJO.
 */
public class CarrierContact {
    public long heardAt;
    public boolean silenceCounted;

    public CarrierContact() {}

    /** Whether the carrier had reported on the order by {@code time}. */
    public boolean heardBy(long time) {
        return heardAt != 0 && heardAt <= time;
    }
}
