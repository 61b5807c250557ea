package io.stockflow.anomaly;

/** How far a physical count may differ from the ledger before it is a mismatch: units, or a share of the ledger. */
public final class LedgerTolerance implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    public static final LedgerTolerance DEFAULT = new LedgerTolerance(2, 0.05);

    public final long units;
    public final double share;

    public LedgerTolerance(long units, double share) {
        this.units = units;
        this.share = share;
    }

    public long allowed(long ledger) {
        return Math.max(units, (long) Math.ceil(Math.abs(ledger) * share));
    }

    public boolean mismatch(long counted, long ledger) {
        return Math.abs(counted - ledger) > allowed(ledger);
    }
}
