package io.stockflow.lifecycle;

import java.util.ArrayList;
import java.util.List;

/**
 * One carrier's (or channel's) silence: shipped orders it never reported on, counted from the first such order's
 * breach until a parcel shipped after the latest silent one reports. Also the latest shipment time of a parcel that
 * did report, which tells a carrier that is silent apart from one that lost one parcel. A Flink POJO.
 */
public class CarrierSilence {
    public String carrier;
    public String channel;
    /** Shipment time of the latest parcel of this group that reported (0: none). */
    public long lastHeardShippedAt;

    public String alertId;
    public boolean open;
    /** The first silent order's shipment: the episode's start, part of its id. */
    public long startedAt;
    /** Earliest shipment among the silent orders: "no tracking since". */
    public long since;

    public long latestSilentShippedAt;
    public long orders;
    /** Per-order breaches folded into the episode (an order may have two: stuck, then late). */
    public long breaches;
    /** The first few silent orders, as examples. */
    public List<String> sampleOrders = new ArrayList<>();

    public long lastAt;
    public int revision;
    public long reportedOrders;
    public long reportedAt;
    public long resolvedAt;

    public CarrierSilence() {}
}
