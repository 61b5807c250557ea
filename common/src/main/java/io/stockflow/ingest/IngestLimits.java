package io.stockflow.ingest;

import java.io.Serializable;

/** Bounds beyond which a value is taken as absurd and the record is dead-lettered rather than applied. */
public final class IngestLimits implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final IngestLimits DEFAULTS = new IngestLimits(100_000, 1_000, 128);

    /** Largest quantity one order line, shipment line or movement may carry. */
    public final long maxQuantity;
    /** Most lines one order or shipment may carry. */
    public final int maxLines;
    /** Longest SKU, location or id accepted. */
    public final int maxIdLength;

    public IngestLimits(long maxQuantity, int maxLines, int maxIdLength) {
        this.maxQuantity = maxQuantity;
        this.maxLines = maxLines;
        this.maxIdLength = maxIdLength;
    }
}
