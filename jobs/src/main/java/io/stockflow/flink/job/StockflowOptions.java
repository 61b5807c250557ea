package io.stockflow.flink.job;

import io.stockflow.alert.EpisodePacing;
import io.stockflow.ingest.IngestLimits;
import io.stockflow.ledger.LedgerPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Every job setting, declared once as a Flink option: its key, type, default and description. The jobs' settings
 * are read from these keys; the command-line flags, {@code --help}, {@code docs/configuration-reference.md} and
 * {@code ./stockflow config} are made from {@link #ALL}.
 *
 * <p>A setting's value, first to last, each winning over the ones before: the default declared here; the Flink
 * configuration of the run ({@code config.yaml} of the embedded run or of the cluster, {@code flink run -Dkey=value});
 * {@code -Dkey=value} among the job's arguments; the setting's flag ({@code --low-stock-threshold 3}).
 *
 * <p>The ledger's and the ingest limits' defaults are the domain's own ({@link LedgerPolicy#DEFAULTS},
 * {@link IngestLimits#DEFAULTS}): the pure domain and its tests run without Flink, so the value lives there and is
 * declared here as the option's default.
 */
public final class StockflowOptions {
    private StockflowOptions() {}

    // The inventory job's ledger.

    public static final ConfigOption<Long> LOW_STOCK_THRESHOLD = ConfigOptions.key(
                    "stockflow.ledger.low-stock-threshold")
            .longType()
            .defaultValue(LedgerPolicy.DEFAULTS.lowStockThreshold)
            .withDescription("Inventory: LOW_STOCK when available falls below this, at a location or overall.");

    public static final ConfigOption<Long> SAFETY_STOCK = ConfigOptions.key("stockflow.ledger.safety-stock")
            .longType()
            .defaultValue(LedgerPolicy.DEFAULTS.safetyStock)
            .withDescription("Inventory: units held back at every location.");

    public static final ConfigOption<Duration> SETTLED_RETENTION = ConfigOptions.key(
                    "stockflow.ledger.settled-retention")
            .durationType()
            .defaultValue(LedgerPolicy.DEFAULTS.settledRetention)
            .withDescription(
                    "Inventory: how long a cancelled or shipped order is remembered per SKU, for late events.");

    public static final ConfigOption<Map<String, String>> MARKETPLACE_LOCATIONS = ConfigOptions.key(
                    "stockflow.ledger.marketplace-location")
            .mapType()
            .defaultValue(Map.of())
            .withDescription("Inventory: the location that holds the stock a marketplace fulfils from itself, per "
                    + "channel: amazon=FBA-DE on the command line, a nested amazon: FBA-DE under the key in "
                    + "config.yaml. The marketplace's own orders (Amazon FBA) reserve and ship there, and the shop's "
                    + "orders never do; without one, those orders move no stock.");

    public static final ConfigOption<Integer> MAX_BACKORDERS = ConfigOptions.key("stockflow.ledger.max-backorders")
            .intType()
            .defaultValue(LedgerPolicy.DEFAULTS.maxBackorders)
            .withDescription("Inventory: orders kept waiting in one SKU's backorder queue, to be filled when stock"
                    + " arrives; a backordered line beyond it is not filled and raises BACKORDER_QUEUE_FULL.");

    public static final ConfigOption<Duration> ALLOWED_LATENESS = ConfigOptions.key("stockflow.time.allowed-lateness")
            .durationType()
            .defaultValue(LedgerPolicy.DEFAULT_ALLOWED_LATENESS)
            .withDescription("Inventory, live: how far behind in event time a record may arrive and still be applied"
                    + " in event-time order. Each position keeps the on-hand changes of this long behind its newest,"
                    + " so a stock COUNT is its level as of its own time (a COUNT older than a change no longer kept is"
                    + " a dead letter); an order's cancellation that arrives before its creation waits this long for"
                    + " it.");

    public static final ConfigOption<Duration> DEDUP_TTL = ConfigOptions.key("stockflow.ledger.dedup-ttl")
            .durationType()
            .defaultValue(Duration.ofDays(7))
            .withDescription("Inventory: how long stock movement ids are remembered to drop repeated deliveries. "
                    + "An order's event ids are kept with its progress instead (stockflow.orders.ttl).");

    // The inventory job's orders.

    public static final ConfigOption<Duration> ORDER_TTL = ConfigOptions.key("stockflow.orders.ttl")
            .durationType()
            .defaultValue(Duration.ofDays(30))
            .withDescription("Inventory: how long an order's progress is kept after its last event.");

    public static final ConfigOption<List<String>> RULES = ConfigOptions.key("stockflow.routing.rules")
            .stringType()
            .asList()
            .defaultValues()
            .withDescription("Inventory: routing rule set files (JSON, or YAML by extension), one per version, "
                    + "validated against routing.rules.schema.json; an invalid one stops the run at start. More "
                    + "versions arrive on the routing.rules topic at run time.");

    public static final ConfigOption<RoutingMode> ROUTING_MODE = ConfigOptions.key("stockflow.routing.mode")
            .enumType(RoutingMode.class)
            .defaultValue(RoutingMode.PARALLEL)
            .withDescription("Inventory, live: how orders spanning SKUs are decided. parallel: each SKU's ledger in"
                    + " its own key, a multi-line order's corrections and the daily capacity levels fed back through"
                    + " Kafka (decisions made meanwhile see holds and levels a checkpoint old). serial: every SKU's"
                    + " ledger in one task, which decides one order at a time with the corrections and capacity in"
                    + " place, as a bounded run does: decisions do not depend on the checkpoint interval or on how"
                    + " fast orders arrive, and throughput is what one task does. A savepoint restores only into"
                    + " the mode it was taken in.");

    // Every job's input.

    public static final ConfigOption<Long> MAX_QUANTITY = ConfigOptions.key("stockflow.ingest.max-quantity")
            .longType()
            .defaultValue(IngestLimits.DEFAULTS.maxQuantity)
            .withDescription("Larger quantities are taken as absurd and dead-lettered.");

    public static final ConfigOption<Integer> MAX_LINES = ConfigOptions.key("stockflow.ingest.max-lines")
            .intType()
            .defaultValue(IngestLimits.DEFAULTS.maxLines)
            .withDescription("Orders with more lines are dead-lettered.");

    // Event time, live (bounded runs apply each key's events in event-time order and need neither).

    public static final ConfigOption<Duration> OUT_OF_ORDERNESS = ConfigOptions.key("stockflow.time.out-of-orderness")
            .durationType()
            .defaultValue(Duration.ofSeconds(10))
            .withDescription("Live: how late an event may be and still be on time for event-time timers.");

    public static final ConfigOption<Duration> IDLENESS = ConfigOptions.key("stockflow.time.idleness")
            .durationType()
            .defaultValue(Duration.ofMinutes(1))
            .withDescription("Live: a partition silent this long stops holding event time back.");

    // The lifecycle job.

    public static final ConfigOption<String> SLA_POLICY = ConfigOptions.key("stockflow.lifecycle.sla-policy")
            .stringType()
            .noDefaultValue()
            .withDescription("Lifecycle: SLA policy file (JSON: calendars per location, handling and transit days per "
                    + "channel and service level, stuck limits, retention, breach-rate windows). Without it, the "
                    + "built-in lifecycle/sla-policy.json.");

    public static final ConfigOption<String> NOTIFICATION_TEMPLATES = ConfigOptions.key(
                    "stockflow.lifecycle.notification-templates")
            .stringType()
            .noDefaultValue()
            .withDescription("Lifecycle: customer notification templates and their branches (JSON). Without it, the "
                    + "built-in lifecycle/notification-templates.json.");

    // The anomalies job.

    public static final ConfigOption<Map<String, String>> LEAD_TIMES = ConfigOptions.key(
                    "stockflow.anomalies.lead-time")
            .mapType()
            .defaultValue(Map.of())
            .withDescription("Anomalies: replenishment lead time per SKU: SKU-00001=4h on the command line, a "
                    + "nested SKU-00001: 4h under the key in config.yaml. Other SKUs take the default lead time.");

    public static final ConfigOption<Duration> DEFAULT_LEAD_TIME = ConfigOptions.key(
                    "stockflow.anomalies.default-lead-time")
            .durationType()
            .defaultValue(Duration.ofHours(2))
            .withDescription("Anomalies: STOCKOUT_PREDICTED when a SKU without a lead time of its own runs out "
                    + "sooner than this.");

    public static final ConfigOption<Double> ALERT_BUDGET = ConfigOptions.key("stockflow.anomalies.alert-budget")
            .doubleType()
            .defaultValue(1.0)
            .withDescription("Anomalies: false alarms per week that each count-based alert type (DEMAND_SPIKE, "
                    + "DEMAND_DROP, REFUND_SPIKE, FEED_SILENT) may raise by chance; the detectors share it among the "
                    + "series they test. Lower: fewer false alarms, later or missed detections.");

    // Alerts that share a cause (inventory and lifecycle jobs).

    public static final ConfigOption<Boolean> ALERT_GROUPING = ConfigOptions.key("stockflow.alerts.grouping")
            .booleanType()
            .defaultValue(true)
            .withDescription("Alerts that share a cause are raised once and updated: one OVERSELL episode per SKU "
                    + "instead of one per order line, one CARRIER_SILENT per carrier that never reports instead of a "
                    + "STUCK_ORDER and a DELIVERY_SLA_BREACH per order. false: one alert per line and per order.");

    public static final ConfigOption<Double> ALERT_UPDATE_GROWTH = ConfigOptions.key("stockflow.alerts.update-growth")
            .doubleType()
            .defaultValue(EpisodePacing.DEFAULT_GROWTH)
            .withDescription("An episode's update is sent when its count of lines or orders has grown by this "
                    + "factor since its last record (2: at 2, 4, 8 ...), above 1.");

    public static final ConfigOption<Duration> ALERT_UPDATE_INTERVAL = ConfigOptions.key(
                    "stockflow.alerts.update-interval")
            .durationType()
            .defaultValue(EpisodePacing.DEFAULT_INTERVAL)
            .withDescription("An episode whose count moved without reaching the growth factor sends an update once "
                    + "this much event time has passed since its last record.");

    // The sync job.

    public static final ConfigOption<String> LISTINGS = ConfigOptions.key("stockflow.sync.listings")
            .stringType()
            .noDefaultValue()
            .withDescription("Sync: the listing map file (JSON, or YAML by extension), validated against "
                    + "channel.listings.schema.json; an invalid one stops the run at start. Newer maps arrive on the "
                    + "channel.listings topic at run time. Without one, nothing is pushed until a map arrives.");

    public static final ConfigOption<Duration> SYNC_RETRY_AFTER = ConfigOptions.key("stockflow.sync.retry-after")
            .durationType()
            .defaultValue(Duration.ofSeconds(30))
            .withDescription(
                    "Sync, live: the first pause before a push, shipment confirmation or cancellation that got "
                            + "no usable answer goes again (after the channel client's own retries); it doubles with each "
                            + "failure in a row, up to 32 times.");

    public static final ConfigOption<Duration> SYNC_RECONCILE_INTERVAL = ConfigOptions.key(
                    "stockflow.sync.reconcile-interval")
            .durationType()
            .defaultValue(Duration.ofMinutes(30))
            .withDescription("Sync, live: how often each listing's quantity is read back from its channel; one that "
                    + "differs from the last push raises CHANNEL_DRIFT and is pushed again. 0 turns it off.");

    /** Every setting with its flag, in the order {@code --help} and the reference list them. */
    public static final List<SettingFlag<?>> ALL = List.of(
            new SettingFlag<>(LOW_STOCK_THRESHOLD, "--low-stock-threshold", "UNITS", SettingType.LONG),
            new SettingFlag<>(SAFETY_STOCK, "--safety-stock", "UNITS", SettingType.LONG),
            new SettingFlag<>(SETTLED_RETENTION, "--settled-retention", "DURATION", SettingType.DURATION),
            new SettingFlag<>(
                    MARKETPLACE_LOCATIONS,
                    "--marketplace-location",
                    "CHANNEL=LOCATION",
                    SettingType.LOCATION_BY_CHANNEL),
            new SettingFlag<>(MAX_BACKORDERS, "--max-backorders", "N", SettingType.INT),
            new SettingFlag<>(DEDUP_TTL, "--dedup-ttl", "DURATION", SettingType.DURATION),
            new SettingFlag<>(ORDER_TTL, "--order-ttl", "DURATION", SettingType.DURATION),
            new SettingFlag<>(MAX_QUANTITY, "--max-quantity", "UNITS", SettingType.LONG),
            new SettingFlag<>(MAX_LINES, "--max-lines", "N", SettingType.INT),
            new SettingFlag<>(OUT_OF_ORDERNESS, "--out-of-orderness", "DURATION", SettingType.DURATION),
            new SettingFlag<>(IDLENESS, "--idleness", "DURATION", SettingType.DURATION),
            new SettingFlag<>(ALLOWED_LATENESS, "--allowed-lateness", "DURATION", SettingType.DURATION),
            new SettingFlag<>(SLA_POLICY, "--sla-policy", "FILE", SettingType.FILE),
            new SettingFlag<>(NOTIFICATION_TEMPLATES, "--notification-templates", "FILE", SettingType.FILE),
            new SettingFlag<>(RULES, "--rules", "FILE", SettingType.FILES),
            new SettingFlag<>(ROUTING_MODE, "--routing-mode", "MODE", SettingType.CHOICE),
            new SettingFlag<>(LEAD_TIMES, "--lead-time", "SKU=DURATION", SettingType.DURATION_BY_SKU),
            new SettingFlag<>(DEFAULT_LEAD_TIME, "--default-lead-time", "DURATION", SettingType.DURATION),
            new SettingFlag<>(ALERT_BUDGET, "--alert-budget", "ALERTS_PER_WEEK", SettingType.DOUBLE),
            new SettingFlag<>(ALERT_GROUPING, "--alert-grouping", "BOOLEAN", SettingType.BOOLEAN),
            new SettingFlag<>(ALERT_UPDATE_GROWTH, "--alert-update-growth", "FACTOR", SettingType.DOUBLE),
            new SettingFlag<>(ALERT_UPDATE_INTERVAL, "--alert-update-interval", "DURATION", SettingType.DURATION),
            new SettingFlag<>(LISTINGS, "--listings", "FILE", SettingType.FILE),
            new SettingFlag<>(SYNC_RETRY_AFTER, "--sync-retry-after", "DURATION", SettingType.DURATION),
            new SettingFlag<>(SYNC_RECONCILE_INTERVAL, "--sync-reconcile-interval", "DURATION", SettingType.DURATION));

    /** The ingest limits a configuration sets; the longest id accepted is not a setting. */
    public static IngestLimits ingestLimits(ReadableConfig config) {
        return new IngestLimits(config.get(MAX_QUANTITY), config.get(MAX_LINES), IngestLimits.DEFAULTS.maxIdLength);
    }

    /** The prefix of every key declared here. */
    public static final String PREFIX = "stockflow.";

    /**
     * Whether a configuration key names a setting declared here: its key, or for a map, one entry of it
     * ({@code stockflow.anomalies.lead-time.SKU-00001}, as config.yaml's nested form arrives).
     */
    public static boolean declares(String key) {
        for (SettingFlag<?> flag : ALL) {
            String declared = flag.option.key();
            if (key.equals(declared) || flag.type.isMap() && key.startsWith(declared + ".")) {
                return true;
            }
        }
        return false;
    }
}
