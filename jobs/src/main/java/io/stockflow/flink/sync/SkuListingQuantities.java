package io.stockflow.flink.sync;

import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.listing.ListedQuantity;
import io.stockflow.listing.ListingMap;
import io.stockflow.listing.ListingPush;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed by SKU: keeps the SKU's latest availability per location (and in the whole network, {@code "*"}) and, with the
 * listing map in force (broadcast), what each of its listing targets should show. Each location's level is taken only
 * from a version newer than the one held, so a late or replayed record changes nothing. The pushes carry the SKU's
 * availability version: the sum of its locations' versions, which rises with every change taken here and is the same
 * after a restore or a replay of the same records.
 *
 * <p>A SKU the map does not list is counted ({@code skusWithoutListing}, once per SKU and task, with a log line) and its
 * update goes to the {@link #UNLISTED} side output; it is never an error. A new map applies to each SKU from its next availability
 * record.
 */
public final class SkuListingQuantities
        extends KeyedBroadcastProcessFunction<String, AvailabilityUpdate, String, ListingPush> {
    public static final MapStateDescriptor<String, String> LISTING_MAP =
            new MapStateDescriptor<>("listing-map", Types.STRING, Types.STRING);
    public static final OutputTag<AvailabilityUpdate> UNLISTED = new OutputTag<>("unlisted-skus") {};
    private static final String IN_FORCE = "in-force";
    private static final Logger LOG = LoggerFactory.getLogger(SkuListingQuantities.class);

    /** The canonical document of {@code --listings}, in force until one arrives on the topic; null without one. */
    private final String initial;

    private transient MapState<String, Long> available;
    private transient MapState<String, Long> versions;
    private transient Counter unlisted;
    private transient Counter unlistedUpdates;
    private transient String parsedDocument;
    private transient ListingMap parsed;
    private transient Set<String> countedUnlisted;

    public SkuListingQuantities(String initial) {
        this.initial = initial;
    }

    @Override
    public void open(OpenContext context) {
        available = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("available-by-location", Types.STRING, Types.LONG));
        versions = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("version-by-location", Types.STRING, Types.LONG));
        unlisted = getRuntimeContext().getMetricGroup().counter("skusWithoutListing");
        unlistedUpdates = getRuntimeContext().getMetricGroup().counter("updatesWithoutListing");
        countedUnlisted = new HashSet<>();
    }

    @Override
    public void processElement(AvailabilityUpdate u, ReadOnlyContext ctx, Collector<ListingPush> out) throws Exception {
        Long held = versions.get(u.location);
        if (held != null && u.version <= held) return;
        available.put(u.location, u.available);
        versions.put(u.location, u.version);

        ListingMap map = map(ctx.getBroadcastState(LISTING_MAP));
        if (map == null || map.listingsOf(u.sku).isEmpty()) {
            unlistedUpdates.inc();
            if (countedUnlisted.add(u.sku)) {
                unlisted.inc();
                LOG.info(
                        "SKU {} has no listing in {}: its availability is pushed to no channel",
                        u.sku,
                        map == null ? "any listing map (none in force)" : "listing map " + map.version());
            }
            ctx.output(UNLISTED, u);
            return;
        }
        long skuVersion = 0;
        for (Long v : versions.values()) skuVersion += v;
        Map<String, Long> byLocation = new HashMap<>();
        for (Map.Entry<String, Long> e : available.entries()) byLocation.put(e.getKey(), e.getValue());
        long network = byLocation.getOrDefault("*", 0L);
        List<ListedQuantity> quantities = map.quantities(u.sku, byLocation, network);
        for (ListedQuantity q : quantities) out.collect(ListingPush.of(q, skuVersion, u.asOf));
    }

    @Override
    public void processBroadcastElement(String document, Context ctx, Collector<ListingPush> out) throws Exception {
        BroadcastState<String, String> state = ctx.getBroadcastState(LISTING_MAP);
        state.put(IN_FORCE, document);
    }

    /** The map in force: the newest from the topic, else the one given at start. */
    private ListingMap map(ReadOnlyBroadcastState<String, String> state) throws Exception {
        String document = state.get(IN_FORCE);
        if (document == null) document = initial;
        if (document == null) return null;
        if (!document.equals(parsedDocument)) {
            parsed = ListingMapDocuments.parse(document);
            parsedDocument = document;
        }
        return parsed;
    }
}
