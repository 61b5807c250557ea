package io.stockflow.routing;

/**
 * What the capacity counter keeps per location and local day: shipments planned, the daily capacity of the latest
 * claim (null: unlimited), the event time of that claim, and whether {@code CAPACITY_EXCEEDED} was raised for the day.
 */
public class DayCount {
    public long planned;
    public Long capacity;
    public long asOf;
    public boolean alerted;

    public DayCount() {}
}
