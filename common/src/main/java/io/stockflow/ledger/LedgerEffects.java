package io.stockflow.ledger;

import io.stockflow.alert.Alert;
import java.util.ArrayList;
import java.util.List;

/**
 * What one command changed: availability to publish, the line decision (if any), backorders it filled, alerts, a
 * settlement to clean up.
 */
public final class LedgerEffects {
    public final List<AvailabilityUpdate> availability = new ArrayList<>();
    public final List<Alert> alerts = new ArrayList<>();
    /** Set when the command was part of an allocation decision. */
    public LineAllocation line;
    /** Backorders of earlier orders that the command's stock filled, oldest order first: one line each. */
    public final List<LineAllocation> fills = new ArrayList<>();
    /** Event time at which an order settled in this command, or 0. */
    public long settledAt;
}
