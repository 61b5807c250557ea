package io.stockflow.flink.job;

/**
 * How the live inventory job decides orders that span SKUs (docs/design/routing.md): {@link #PARALLEL}, SKU-keyed
 * ledgers in parallel with corrections and capacity levels fed back through Kafka; {@link #SERIAL}, every SKU's ledger
 * in one task deciding one order at a time, so no decision depends on timing. A bounded run decides serially in either.
 */
public enum RoutingMode {
    PARALLEL,
    SERIAL;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
