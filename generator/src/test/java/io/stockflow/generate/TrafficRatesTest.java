package io.stockflow.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** On a one-day run with the default settings, the traffic has about the configured shares. */
class TrafficRatesTest {
    private static final GeneratorSettings SETTINGS = Traffic.oneDay(11);
    private static List<GeneratedRecord> day;
    private static final Map<String, String> channelOf = new HashMap<>();
    private static final Set<String> cancelled = new HashSet<>();
    private static final Set<String> refunded = new HashSet<>();
    private static final Set<String> shipped = new HashSet<>();
    /** Orders Amazon shipped itself (FBA): its Shipped notification, no warehouse event. */
    private static final Set<String> byAmazon = new HashSet<>();

    private static int originals;
    private static int duplicates;
    private static int bad;

    @BeforeAll
    static void generate() {
        day = Traffic.all(SETTINGS);
        for (GeneratedRecord r : day) {
            if (r.isBad()) {
                bad++;
                continue;
            }
            if (r.topic.equals(GeneratedRecord.FULFILMENT_EVENTS))
                shipped.add(Traffic.json(r).get("order_id").asText());
            if (!r.topic.equals(GeneratedRecord.ORDERS_RAW)) continue;
            if (r.isDuplicate()) {
                duplicates++;
                continue;
            }
            originals++;
            Traffic.OrderEnvelope e = Traffic.order(r);
            switch (e.step) {
                case CREATE:
                    channelOf.put(e.orderId, e.source);
                    break;
                case CANCEL:
                    cancelled.add(e.orderId);
                    break;
                case SHIP:
                    shipped.add(e.orderId);
                    byAmazon.add(e.orderId);
                    break;
                default:
                    refunded.add(e.orderId);
            }
        }
    }

    @Test
    void ordersFollowTheSeasonalRate() {
        // The UTC day of 2026-11-02 is a Sunday evening and most of a Monday in New York.
        Seasonality seasonality = new Seasonality(SETTINGS);
        double expected = 0;
        long start = SETTINGS.start.toEpochMilli();
        for (long t = start; t < start + SETTINGS.duration.toMillis(); t += 60_000) {
            expected += SETTINGS.ordersPerHour / 60 * seasonality.multiplier(t + 30_000);
        }
        assertThat(expected).isBetween(0.8 * 24 * SETTINGS.ordersPerHour, 1.1 * 24 * SETTINGS.ordersPerHour);
        assertThat((double) channelOf.size()).isCloseTo(expected, within(0.06 * expected));
    }

    @Test
    void aFlatRateGivesOrdersPerHourTimesHours() {
        GeneratorSettings flat = Traffic.oneDay(12);
        flat.seasonality = false;
        long orders = Traffic.all(flat).stream()
                .filter(r -> r.topic.equals(GeneratedRecord.ORDERS_RAW) && r.label == null)
                .filter(r -> Traffic.order(r).step == Traffic.Step.CREATE)
                .count();
        assertThat((double) orders).isCloseTo(4_800, within(0.06 * 4_800));
    }

    @Test
    void channelsHaveTheirShares() {
        Map<String, Integer> counts = new HashMap<>();
        channelOf.values().forEach(c -> counts.merge(c, 1, Integer::sum));
        double n = channelOf.size();
        assertThat(counts.get("shopify") / n).isCloseTo(0.40, within(0.03));
        assertThat(counts.get("amazon") / n).isCloseTo(0.30, within(0.03));
        assertThat(counts.get("ebay") / n).isCloseTo(0.15, within(0.025));
        assertThat(counts.get("woocommerce") / n).isCloseTo(0.15, within(0.025));
    }

    @Test
    void cancellationsShipmentsAndRefundsHaveTheirRates() {
        double orders = channelOf.size();
        assertThat(cancelled.size() / orders).isCloseTo(SETTINGS.cancelRate, within(0.015));
        double open = orders - cancelled.size();
        assertThat(shipped.size() / open).isCloseTo(SETTINGS.shipRate, within(0.02));
        // Amazon and eBay refund only what shipped; Shopify and WooCommerce also part of an order not yet shipped.
        double expected = 0;
        for (Map.Entry<String, String> e : channelOf.entrySet()) {
            if (cancelled.contains(e.getKey())) continue;
            boolean shippedOnly = e.getValue().equals("amazon") || e.getValue().equals("ebay");
            expected += SETTINGS.refundRate * (shippedOnly ? SETTINGS.shipRate : 1);
        }
        assertThat((double) refunded.size()).isCloseTo(expected, within(0.15 * expected));
    }

    @Test
    void everyChannelRefundsAndAmazonFulfilsItsShare() {
        Map<String, Integer> refunds = new HashMap<>();
        for (String orderId : refunded) refunds.merge(channelOf.get(orderId), 1, Integer::sum);
        assertThat(refunds).containsOnlyKeys("shopify", "amazon", "ebay", "woocommerce");
        long amazonShipped = shipped.stream()
                .filter(id -> "amazon".equals(channelOf.get(id)))
                .count();
        assertThat(byAmazon.size() / (double) amazonShipped).isCloseTo(SETTINGS.fbaShare, within(0.04));
        Set<String> returnedToAmazon = new HashSet<>();
        for (GeneratedRecord r : day) {
            if (r.topic.equals(GeneratedRecord.ORDERS_RAW)
                    && r.label == null
                    && r.value.contains("FBA_CUSTOMER_RETURN")) returnedToAmazon.add(Traffic.order(r).orderId);
        }
        assertThat(returnedToAmazon).isNotEmpty();
        assertThat(byAmazon).containsAll(returnedToAmazon);
    }

    @Test
    void duplicatesAndBadRecordsHaveTheirRates() {
        assertThat(duplicates / (double) originals).isCloseTo(SETTINGS.duplicateRate, within(0.01));
        assertThat(bad / (double) day.size()).isCloseTo(SETTINGS.badRecordRate, within(0.004));
    }

    @Test
    void stockArrivesAtTheStartAndWithEachTruck() {
        long start = SETTINGS.start.toEpochMilli();
        int counts = 0;
        int receipts = 0;
        for (GeneratedRecord r : day) {
            if (!r.topic.equals(GeneratedRecord.INVENTORY_MOVEMENTS) || r.isBad()) continue;
            JsonNode m = Traffic.json(r);
            if (m.get("type").asText().equals("COUNT")) {
                counts++;
                assertThat(r.eventTime).isEqualTo(start);
                assertThat(m.get("quantity").asLong()).isGreaterThanOrEqualTo(SETTINGS.initialStock);
            } else if (m.get("type").asText().equals("RETURN_RESTOCK")) {
                // Amazon's returns, booked by the warehouse that shipped them (eBay's say so themselves)
                assertThat(m.get("quantity").asLong()).isPositive();
            } else {
                receipts++;
                assertThat(m.get("type").asText()).isEqualTo("RECEIPT");
                assertThat(m.get("quantity").asLong() % SETTINGS.caseSize).isZero();
            }
        }
        assertThat(counts).isEqualTo(SETTINGS.skus * SETTINGS.locations.size());
        assertThat(receipts).isGreaterThan(3 * SETTINGS.locations.size() * 5);
    }
}
