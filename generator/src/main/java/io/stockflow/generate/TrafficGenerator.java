package io.stockflow.generate;

import io.stockflow.model.MovementType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A deterministic, seeded generator of multi-channel traffic for stockflow's input topics: marketplace envelopes on
 * {@code orders.raw} (Shopify, Amazon, eBay, WooCommerce, each in its own native shape, with retries and unusable
 * records), stock movements on {@code inventory.movements} and warehouse shipments on {@code fulfilment.events}.
 * The same settings always give the same records, in non-decreasing event time, produced lazily.
 */
public final class TrafficGenerator {
    static final Set<String> CHANNELS = Set.of("shopify", "amazon", "ebay", "woocommerce");

    private final GeneratorSettings settings;

    public TrafficGenerator(GeneratorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        validate(settings);
    }

    /** A new pass over the stream from its start; each call gives the same records. */
    public Iterator<GeneratedRecord> records() {
        return new Schedule(settings);
    }

    /** A new pass over the stream that also tells, once consumed, which anomalies it injected. */
    public Scenario scenario() {
        return new Scenario(new Schedule(settings));
    }

    /** The records of one run, and the labels of its injected anomalies (complete when the records are exhausted). */
    public static final class Scenario implements Iterator<GeneratedRecord> {
        private final Schedule schedule;

        Scenario(Schedule schedule) {
            this.schedule = schedule;
        }

        @Override
        public boolean hasNext() {
            return schedule.hasNext();
        }

        @Override
        public GeneratedRecord next() {
            return schedule.next();
        }

        public List<AnomalyLabel> labels() {
            List<AnomalyLabel> labels = new ArrayList<>(schedule.labels());
            labels.sort(java.util.Comparator.comparingLong((AnomalyLabel l) -> l.start)
                    .thenComparing(AnomalyLabel::subject)
                    .thenComparing(l -> l.type));
            return labels;
        }
    }

    /** The first {@code n} records (fewer when the stream is shorter). */
    public static List<GeneratedRecord> take(GeneratorSettings settings, int n) {
        List<GeneratedRecord> out = new ArrayList<>(Math.max(0, Math.min(n, 1 << 16)));
        Iterator<GeneratedRecord> records = new TrafficGenerator(settings).records();
        while (out.size() < n && records.hasNext()) out.add(records.next());
        return out;
    }

    static void validate(GeneratorSettings s) {
        Objects.requireNonNull(s.start, "start");
        Objects.requireNonNull(s.duration, "duration");
        Objects.requireNonNull(s.replenishmentInterval, "replenishmentInterval");
        Objects.requireNonNull(s.seasonalityZone, "seasonalityZone");
        Objects.requireNonNull(s.initialStockType, "initialStockType");
        Objects.requireNonNull(s.shopifyLocationIds, "shopifyLocationIds");
        require(!s.duration.isNegative(), "duration must not be negative");
        require(s.ordersPerHour >= 0 && Double.isFinite(s.ordersPerHour), "ordersPerHour must be a number >= 0");
        require(s.skus >= 1, "skus must be at least 1");
        require(s.skuPopularityExponent >= 0, "skuPopularityExponent must be >= 0");
        require(s.locations != null && !s.locations.isEmpty(), "locations must not be empty");
        for (String location : s.locations) require(location != null && !location.isBlank(), "a location is blank");
        rate("duplicateRate", s.duplicateRate);
        rate("cancelRate", s.cancelRate);
        rate("refundRate", s.refundRate);
        rate("shipRate", s.shipRate);
        rate("badRecordRate", s.badRecordRate);
        require(s.badRecordRate < 1, "badRecordRate must be below 1");
        require(s.initialStock >= 0, "initialStock must be >= 0");
        require(
                s.initialStockType == MovementType.COUNT || s.initialStockType == MovementType.RECEIPT,
                "initialStockType must be COUNT or RECEIPT");
        require(!s.replenishmentInterval.isNegative(), "replenishmentInterval must not be negative");
        require(s.replenishmentCover >= 0, "replenishmentCover must be >= 0");
        require(s.caseSize >= 1, "caseSize must be at least 1");
        require(s.weekendBoost > 0, "weekendBoost must be positive");
        require(s.channelMix != null && !s.channelMix.isEmpty(), "channelMix must not be empty");
        double total = 0;
        for (Map.Entry<String, Double> e : s.channelMix.entrySet()) {
            require(
                    CHANNELS.contains(e.getKey()),
                    "unknown channel '" + e.getKey() + "' (expected one of shopify, " + "amazon, ebay, woocommerce)");
            require(e.getValue() != null && e.getValue() >= 0, "the share of " + e.getKey() + " must be >= 0");
            total += e.getValue();
        }
        require(total > 0, "channelMix needs a positive share");
    }

    private static void rate(String name, double value) {
        require(value >= 0 && value <= 1, name + " must be between 0 and 1, got " + value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) throw new IllegalArgumentException(message);
    }
}
