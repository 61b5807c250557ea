package io.stockflow.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * What one SKU's ledger remembers of one order: what was ordered and shipped, and where the remaining units are
 * reserved. It also remembers cancellations and shipments that arrive before the order itself, so that events of one
 * order applied in any order end in the same ledger.
 */
public class OrderHold {
    public boolean placed;
    public boolean cancelled;
    /** Units of this SKU the order currently asks for. */
    public long ordered;

    public long shipped;
    /** Units that could not be reserved anywhere when they were asked for. */
    public long backordered;

    public List<Allocation> holds = new ArrayList<>();
    /** Where the last shipment left from: a restock without a location goes back there. */
    public String lastShipLocation;
    /** Event time at which nothing more was owed (cancelled or fully shipped); 0 while open. */
    public long settledAt;
    /** The order event whose RESERVE set the holds: a correction for an older decision is stale. */
    public String decisionId;

    public OrderHold() {}

    long held() {
        long sum = 0;
        for (Allocation a : holds) sum += a.quantity;
        return sum;
    }

    boolean isSettled() {
        return cancelled || (placed && shipped >= ordered) || (!placed && shipped > 0);
    }
}
