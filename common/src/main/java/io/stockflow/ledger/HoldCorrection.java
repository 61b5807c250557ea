package io.stockflow.ledger;

import java.util.List;

/** What a correction did to one order's holds of one SKU, the holds it left, and the availability it changed. */
public record HoldCorrection(Outcome outcome, List<Allocation> holds, LedgerEffects effects) {
    public enum Outcome {
        /** The holds moved to the targets. */
        APPLIED,
        /** A target location no longer had the units: the old holds stay untouched. */
        KEPT,
        /** The order has a newer decision (an update or a cancel came first): nothing changed. */
        STALE
    }
}
