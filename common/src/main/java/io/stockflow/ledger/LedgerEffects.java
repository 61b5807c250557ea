package io.stockflow.ledger;

import io.stockflow.alert.Alert;
import io.stockflow.model.DeadLetter;
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
    /** Commands the ledger could not place in event-time order (a stock count beyond the allowed lateness). */
    public final List<DeadLetter> deadLetters = new ArrayList<>();
    /** On-hand changes older than their position's newest count: the count's level already holds them. */
    public int changesInCount;
}
