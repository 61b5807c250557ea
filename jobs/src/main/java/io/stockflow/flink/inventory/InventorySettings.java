package io.stockflow.flink.inventory;

import io.stockflow.flink.job.AlertGrouping;
import io.stockflow.flink.job.RoutingMode;
import io.stockflow.flink.job.StockflowOptions;
import io.stockflow.flink.routing.RuleSetDocuments;
import io.stockflow.ingest.IngestLimits;
import io.stockflow.ledger.LedgerPolicy;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ReadableConfig;

/** The inventory job's settings, read from the keys of {@link StockflowOptions}; a new instance holds their defaults. */
public final class InventorySettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /** True for bounded runs over files: each key's events are applied in event-time order, decisions use event time. */
    public boolean replay;
    /** The domain's defaults, which {@link StockflowOptions} declares as the options' defaults. */
    public LedgerPolicy ledger = LedgerPolicy.DEFAULTS;

    public IngestLimits limits = IngestLimits.DEFAULTS;
    /** How long event ids are remembered to drop repeated deliveries. */
    public Duration dedupTtl = StockflowOptions.DEDUP_TTL.defaultValue();
    /** How long the per-order gate remembers an order after its last event. */
    public Duration orderTtl = StockflowOptions.ORDER_TTL.defaultValue();
    /** How late an event may arrive, live, and still count as on time for event-time timers. */
    public Duration outOfOrderness = StockflowOptions.OUT_OF_ORDERNESS.defaultValue();
    /** After this long without records, a source partition no longer holds the watermark back. */
    public Duration idleness = StockflowOptions.IDLENESS.defaultValue();
    /** Alerts that share a cause: grouped into episodes, and how often an episode is updated. */
    public AlertGrouping grouping = AlertGrouping.DEFAULTS;
    /** Live: SKU-keyed ledgers with corrections through Kafka, or every SKU's ledger in one task deciding serially. */
    public RoutingMode routingMode = StockflowOptions.ROUTING_MODE.defaultValue();
    /** Rule sets of {@code --rules} files, as canonical JSON: in force from the start, before the topic's. */
    public List<String> ruleSets = new ArrayList<>();
    /** Per channel, the location holding the stock the marketplace fulfils its own orders from (Amazon FBA). */
    public Map<String, String> marketplaceLocations = new LinkedHashMap<>();

    public InventorySettings() {}

    /** These settings with a marketplace-held location for {@code channel}; the ledger keeps shop orders out of it. */
    public InventorySettings withMarketplaceLocation(String channel, String location) {
        marketplaceLocations.put(channel, location);
        ledger = new LedgerPolicy(
                ledger.lowStockThreshold,
                ledger.safetyStock,
                ledger.settledRetention,
                marketplaceLocations.values(),
                ledger.maxBackorders,
                ledger.allowedLateness);
        return this;
    }

    /** The settings a configuration holds; reads and validates the rule set files it names. */
    public static InventorySettings from(ReadableConfig config) {
        InventorySettings s = new InventorySettings();
        s.marketplaceLocations.putAll(config.get(StockflowOptions.MARKETPLACE_LOCATIONS));
        s.ledger = new LedgerPolicy(
                config.get(StockflowOptions.LOW_STOCK_THRESHOLD),
                config.get(StockflowOptions.SAFETY_STOCK),
                config.get(StockflowOptions.SETTLED_RETENTION),
                s.marketplaceLocations.values(),
                config.get(StockflowOptions.MAX_BACKORDERS),
                config.get(StockflowOptions.ALLOWED_LATENESS));
        s.limits = StockflowOptions.ingestLimits(config);
        s.dedupTtl = config.get(StockflowOptions.DEDUP_TTL);
        s.orderTtl = config.get(StockflowOptions.ORDER_TTL);
        s.outOfOrderness = config.get(StockflowOptions.OUT_OF_ORDERNESS);
        s.idleness = config.get(StockflowOptions.IDLENESS);
        s.grouping = AlertGrouping.from(config);
        s.routingMode = config.get(StockflowOptions.ROUTING_MODE);
        for (String file : config.get(StockflowOptions.RULES)) s.ruleSets.add(RuleSetDocuments.read(Path.of(file)));
        return s;
    }

    public static InventorySettings replay() {
        InventorySettings s = new InventorySettings();
        s.replay = true;
        return s;
    }
}
