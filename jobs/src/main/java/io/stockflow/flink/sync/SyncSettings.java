package io.stockflow.flink.sync;

import io.stockflow.flink.job.StockflowOptions;
import io.stockflow.ingest.IngestLimits;
import io.stockflow.listing.Channel;
import io.stockflow.listing.RevisionBudget;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The sync job's settings: the listing map given at start, where the channels are, and how many pushes may wait. A
 * new instance holds the defaults and pushes to no channel.
 */
public final class SyncSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The canonical listing map of {@code --listings}; null without one. */
    public String listings;

    public ChannelConnections connections = new ChannelConnections(Map.of(), Map.of());
    /**
     * Pushes the asynchronous operator holds per task, waiting or on their way. Each channel's queue keeps one push
     * per listing target, so with at least as many as a task has listing targets a slow channel never fills it.
     */
    public int capacity = 1000;
    /** How long a push may wait for its answer; the clients' own retries must fit in it. */
    public Duration pushTimeout = Duration.ofMinutes(5);
    /** The first pause before a failed push goes again (live, with the answers read back); it doubles per failure. */
    public Duration retryAfter = StockflowOptions.SYNC_RETRY_AFTER.defaultValue();
    /** How often each listing target is read back from its channel (live); zero never. */
    public Duration reconcileEvery = StockflowOptions.SYNC_RECONCILE_INTERVAL.defaultValue();
    /** The limits warehouse events are read within. */
    public IngestLimits limits = IngestLimits.DEFAULTS;
    /** Shipment confirmations and cancellations the asynchronous operator holds per task, waiting or on their way. */
    public int orderCallCapacity = 1000;
    /** How long an order's state (its channel, what was handed on) lives after its last change. */
    public Duration keepOrders = Duration.ofDays(60);
    /** Calls each channel has on their way at once per task. */
    public int callsInFlight = 4;
    /** Channels with a daily revision limit per listing: eBay's 250, of which 25 are kept for urgent changes. */
    public Map<Channel, RevisionBudget> budgets =
            new EnumMap<>(Map.of(Channel.EBAY, new RevisionBudget(250, 25, ZoneId.of("UTC"))));
    /** Inputs an earlier job of the same graph already reads and dead-letters: their bad records are not repeated. */
    public Set<String> deadLetteredElsewhere = new HashSet<>();

    /** The settings a configuration holds: the listing map read and checked now, the channels' keys. */
    public static SyncSettings from(ReadableConfig settings, ReadableConfig flink, Map<String, String> environment) {
        SyncSettings s = new SyncSettings();
        settings.getOptional(StockflowOptions.LISTINGS)
                .ifPresent(file -> s.listings = ListingMapDocuments.read(Path.of(file)));
        s.retryAfter = settings.get(StockflowOptions.SYNC_RETRY_AFTER);
        s.reconcileEvery = settings.get(StockflowOptions.SYNC_RECONCILE_INTERVAL);
        s.limits = StockflowOptions.ingestLimits(settings);
        ChannelConnections fromConfig = ChannelConnections.fromConfiguration(flink.toMap());
        s.connections = environment == null ? fromConfig : fromConfig.withEnvironment(environment);
        return s;
    }
}
