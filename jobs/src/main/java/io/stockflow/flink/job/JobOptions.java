package io.stockflow.flink.job;

import io.stockflow.ingest.IngestLimits;
import io.stockflow.ledger.LedgerPolicy;
import io.stockflow.flink.time.ReplayHorizon;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** The jobs' tunables as command-line options; field values are the defaults. */
public class JobOptions {
    /** Set by the launcher for bounded runs over files, not an option. */
    public boolean replay;
    /** Set by the launcher for bounded runs: {@code --until}, else the largest event time of the input. */
    public ReplayHorizon horizon = ReplayHorizon.LIVE;

    /** Set by {@link JobGraph} for each job: inputs an earlier job of the same graph reads (and dead-letters). */
    public Set<String> inputsReadBefore = new HashSet<>();

    @Option(names = "--until", paramLabel = "INSTANT",
            description = "Bounded runs: no timer later than this instant fires (default: the largest event time in the input).")
    public Instant until;

    @Option(names = "--low-stock-threshold", paramLabel = "UNITS",
            description = "LOW_STOCK when available falls below this, at a location or overall (default: ${DEFAULT-VALUE}).")
    public long lowStockThreshold = LedgerPolicy.DEFAULTS.lowStockThreshold;

    @Option(names = "--safety-stock", paramLabel = "UNITS",
            description = "Units held back at every location (default: ${DEFAULT-VALUE}).")
    public long safetyStock = LedgerPolicy.DEFAULTS.safetyStock;

    @Option(names = "--settled-retention", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long a cancelled or shipped order is remembered per SKU, for late events (default: 7d).")
    public Duration settledRetention = LedgerPolicy.DEFAULTS.settledRetention;

    @Option(names = "--dedup-ttl", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long stock movement ids are remembered to drop repeated deliveries (default: 7d). "
                    + "An order's event ids are kept with its progress (--order-ttl).")
    public Duration dedupTtl = Duration.ofDays(7);

    @Option(names = "--order-ttl", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long an order's progress is kept after its last event (default: 30d).")
    public Duration orderTtl = Duration.ofDays(30);

    @Option(names = "--max-quantity", paramLabel = "UNITS",
            description = "Larger quantities are taken as absurd and dead-lettered (default: ${DEFAULT-VALUE}).")
    public long maxQuantity = IngestLimits.DEFAULTS.maxQuantity;

    @Option(names = "--max-lines", paramLabel = "N",
            description = "Orders with more lines are dead-lettered (default: ${DEFAULT-VALUE}).")
    public int maxLines = IngestLimits.DEFAULTS.maxLines;

    @Option(names = "--out-of-orderness", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Live: how late an event may be and still be on time for event-time timers (default: 10s).")
    public Duration outOfOrderness = Duration.ofSeconds(10);

    @Option(names = "--idleness", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Live: a partition silent this long stops holding event time back (default: 1m).")
    public Duration idleness = Duration.ofMinutes(1);

    @Option(names = "--sla-policy", paramLabel = "FILE",
            description = "Lifecycle: SLA policy (JSON: calendars per location, handling and transit days per channel and "
                    + "service level, stuck limits, retention, breach-rate windows; default: the built-in "
                    + "lifecycle/sla-policy.json).")
    public Path slaPolicy;

    @Option(names = "--notification-templates", paramLabel = "FILE",
            description = "Lifecycle: customer notification templates and their branches (JSON; default: the built-in "
                    + "lifecycle/notification-templates.json).")
    public Path notificationTemplates;

    @Option(names = "--rules", paramLabel = "FILE",
            description = {"Inventory: a routing rule set (JSON, or YAML by extension), validated against "
                    + "routing.rules.schema.json; refused at start if invalid. Repeat for several versions.",
                    "More versions arrive on the routing.rules topic at run time."})
    public List<Path> rules = new ArrayList<>();

    @Option(names = "--lead-time", paramLabel = "SKU=DURATION",
            description = "Anomalies: replenishment lead time of a SKU, e.g. --lead-time SKU-00001=4h (repeatable).")
    public java.util.Map<String, String> leadTimes = new java.util.LinkedHashMap<>();

    @Option(names = "--default-lead-time", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Anomalies: STOCKOUT_PREDICTED when a SKU runs out sooner than its lead time (default: 2h).")
    public Duration defaultLeadTime = Duration.ofHours(2);
}
