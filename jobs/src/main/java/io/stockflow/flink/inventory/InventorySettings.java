package io.stockflow.flink.inventory;

import io.stockflow.ingest.IngestLimits;
import io.stockflow.ledger.LedgerPolicy;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The inventory job's tunables, with the defaults the launcher prints in {@code --help}. */
public final class InventorySettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /** True for bounded runs over files: each key's events are applied in event-time order, decisions use event time. */
    public boolean replay;
    public LedgerPolicy ledger = LedgerPolicy.DEFAULTS;
    public IngestLimits limits = IngestLimits.DEFAULTS;
    /** How long event ids are remembered to drop repeated deliveries. */
    public Duration dedupTtl = Duration.ofDays(7);
    /** How long the per-order gate remembers an order after its last event. */
    public Duration orderTtl = Duration.ofDays(30);
    /** How late an event may arrive, live, and still count as on time for event-time timers. */
    public Duration outOfOrderness = Duration.ofSeconds(10);
    /** After this long without records, a source partition no longer holds the watermark back. */
    public Duration idleness = Duration.ofMinutes(1);
    /** Rule sets of {@code --rules} files, as canonical JSON: in force from the start, before the topic's. */
    public List<String> ruleSets = new ArrayList<>();

    public InventorySettings() {}

    public static InventorySettings replay() {
        InventorySettings s = new InventorySettings();
        s.replay = true;
        return s;
    }
}
