package io.stockflow.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrafficGeneratorTest {
    private static List<GeneratedRecord> day;

    @BeforeAll
    static void generate() {
        day = Traffic.all(Traffic.oneDay(42));
    }

    @Test
    void sameSeedGivesIdenticalRecords() {
        assertThat(Traffic.all(Traffic.oneDay(42))).isEqualTo(day);
        GeneratorSettings s = Traffic.oneDay(42);
        TrafficGenerator generator = new TrafficGenerator(s);
        assertThat(TrafficGenerator.take(s, 2_000)).isEqualTo(day.subList(0, 2_000));
        // records() starts over on every call
        Iterator<GeneratedRecord> first = generator.records();
        Iterator<GeneratedRecord> second = generator.records();
        for (int i = 0; i < 500; i++) assertThat(first.next()).isEqualTo(second.next());
    }

    @Test
    void anotherSeedGivesOtherRecords() {
        List<GeneratedRecord> other = TrafficGenerator.take(Traffic.oneDay(7), 1_000);
        List<GeneratedRecord> same = day.subList(0, 1_000);
        assertThat(other).isNotEqualTo(same);
        Set<String> values = same.stream()
                .filter(r -> r.topic.equals(GeneratedRecord.ORDERS_RAW))
                .map(r -> r.value)
                .collect(Collectors.toSet());
        assertThat(other).noneMatch(r -> values.contains(r.value));
    }

    @Test
    void recordsComeInNonDecreasingEventTime() {
        for (int i = 1; i < day.size(); i++) {
            assertThat(day.get(i).eventTime)
                    .as("record %d: %s", i, day.get(i))
                    .isGreaterThanOrEqualTo(day.get(i - 1).eventTime);
        }
        assertThat(day.get(0).eventTime)
                .isEqualTo(Instant.parse("2026-11-02T00:00:00Z").toEpochMilli());
    }

    @Test
    void everyChannelTopicAndBadKindAppears() {
        Set<String> sources = day.stream()
                .filter(r -> r.topic.equals(GeneratedRecord.ORDERS_RAW) && !r.isBad())
                .map(r -> Traffic.json(r).get("source").asText())
                .collect(Collectors.toSet());
        assertThat(sources).containsExactlyInAnyOrder("shopify", "amazon", "ebay", "woocommerce");
        assertThat(day)
                .extracting(r -> r.topic)
                .contains(
                        GeneratedRecord.ORDERS_RAW,
                        GeneratedRecord.INVENTORY_MOVEMENTS,
                        GeneratedRecord.FULFILMENT_EVENTS);
        Set<String> kinds = day.stream()
                .filter(r -> r.topic.equals(GeneratedRecord.ORDERS_RAW) && !r.isBad())
                .map(r -> Traffic.json(r).get("source").asText() + " "
                        + Traffic.json(r).get("kind").asText())
                .collect(Collectors.toSet());
        assertThat(kinds)
                .containsExactlyInAnyOrder(
                        "shopify orders/create",
                        "shopify orders/cancelled",
                        "shopify refunds/create",
                        "amazon ORDER_CHANGE",
                        "amazon REFUND_EVENT",
                        "amazon FBA_CUSTOMER_RETURN",
                        "ebay order",
                        "ebay return",
                        "woocommerce order.created",
                        "woocommerce order.updated",
                        "woocommerce refund.created");
        Set<String> labels =
                day.stream().filter(GeneratedRecord::isBad).map(r -> r.label).collect(Collectors.toSet());
        for (BadRecords.Kind kind : BadRecords.Kind.values()) assertThat(labels).contains(kind.label);
    }

    @Test
    void eachOrderHasOneMarketplaceIdAndItsLaterEventsFollowInOrder() {
        Map<String, Long> created = new HashMap<>();
        Map<String, Long> cancelled = new HashMap<>();
        Map<String, Long> refunded = new HashMap<>();
        Map<String, Long> shippedByAmazon = new HashMap<>();
        Map<String, Long> returned = new HashMap<>();
        for (GeneratedRecord r : day) {
            if (!r.topic.equals(GeneratedRecord.ORDERS_RAW) || r.label != null) continue;
            Traffic.OrderEnvelope e = Traffic.order(r);
            if (e.step == Traffic.Step.RETURN) {
                // one record per returned line: the earliest counts
                returned.merge(e.orderId, r.eventTime, Math::min);
                continue;
            }
            Map<String, Long> target = e.step == Traffic.Step.CREATE
                    ? created
                    : e.step == Traffic.Step.CANCEL
                            ? cancelled
                            : e.step == Traffic.Step.SHIP ? shippedByAmazon : refunded;
            assertThat(target.put(e.orderId, r.eventTime))
                    .as("second %s of %s", e.step, e.orderId)
                    .isNull();
        }
        assertThat(created).hasSizeGreaterThan(3_000);
        for (Map.Entry<String, Long> c : cancelled.entrySet()) {
            assertThat(created).containsKey(c.getKey());
            assertThat(c.getValue()).isGreaterThan(created.get(c.getKey()));
        }
        assertThat(shippedByAmazon).isNotEmpty();
        for (Map.Entry<String, Long> c : shippedByAmazon.entrySet()) {
            assertThat(c.getValue()).isGreaterThan(created.get(c.getKey()));
        }
        assertThat(returned).isNotEmpty();
        for (Map.Entry<String, Long> c : returned.entrySet()) {
            assertThat(refunded).as("a returned order is refunded").containsKey(c.getKey());
            assertThat(c.getValue()).isGreaterThan(created.get(c.getKey()));
        }
        for (Map.Entry<String, Long> c : refunded.entrySet()) {
            assertThat(created).containsKey(c.getKey());
            assertThat(cancelled).doesNotContainKey(c.getKey());
            assertThat(c.getValue()).isGreaterThan(created.get(c.getKey()));
        }
        Set<String> shipped = new HashSet<>();
        for (GeneratedRecord r : day) {
            if (!r.topic.equals(GeneratedRecord.FULFILMENT_EVENTS) || r.label != null) continue;
            JsonNode event = Traffic.json(r);
            String orderId = event.get("order_id").asText();
            assertThat(shipped.add(orderId)).as("shipped twice: %s", orderId).isTrue();
            assertThat(shippedByAmazon)
                    .as("a warehouse shipped an order Amazon fulfils")
                    .doesNotContainKey(orderId);
            assertThat(created).containsKey(orderId);
            assertThat(cancelled).doesNotContainKey(orderId);
            assertThat(r.eventTime).isGreaterThan(created.get(orderId));
        }
    }

    @Test
    void idsLookLikeTheMarketplaces() {
        Pattern amazon = Pattern.compile("amazon:\\d{3}-\\d{7}-\\d{7}");
        Pattern ebay = Pattern.compile("ebay:\\d{2}-\\d{5}-\\d{5}");
        Pattern numeric = Pattern.compile("(shopify|woocommerce):\\d+");
        for (GeneratedRecord r : day) {
            if (!r.topic.equals(GeneratedRecord.ORDERS_RAW) || r.label != null) continue;
            String id = Traffic.order(r).orderId;
            assertThat(amazon.matcher(id).matches()
                            || ebay.matcher(id).matches()
                            || numeric.matcher(id).matches())
                    .as(id)
                    .isTrue();
        }
        Set<String> movementIds = new HashSet<>();
        for (GeneratedRecord r : day) {
            if (r.topic.equals(GeneratedRecord.INVENTORY_MOVEMENTS) && !r.isBad()) {
                JsonNode m = Traffic.json(r);
                assertThat(movementIds.add(m.get("movement_id").asText())).isTrue();
                assertThat(m.get("sku").asText()).matches("SKU-\\d{5}");
            }
        }
    }

    @Test
    void payloadsUseEachMarketplacesTimeAndMoneyFormats() {
        for (GeneratedRecord r : day) {
            if (!r.topic.equals(GeneratedRecord.ORDERS_RAW) || r.label != null) continue;
            JsonNode e = Traffic.json(r);
            JsonNode p = e.get("payload");
            assertThat(e.get("received_at").asText()).endsWith("Z");
            switch (e.get("source").asText()) {
                case "shopify":
                    assertThat(p.get("created_at").asText())
                            .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
                    if (p.has("total_price"))
                        assertThat(p.get("total_price").isTextual()).isTrue();
                    break;
                case "amazon":
                    if (e.get("kind").asText().equals("REFUND_EVENT")) {
                        assertThat(p.get("PostedDate").asText()).endsWith("Z");
                        assertThat(p.at("/ShipmentItemAdjustmentList/0/ItemChargeAdjustmentList/0/ChargeAmount")
                                        .get("CurrencyAmount")
                                        .isNumber())
                                .isTrue();
                        break;
                    }
                    if (e.get("kind").asText().equals("FBA_CUSTOMER_RETURN")) {
                        assertThat(p.get("return-date").asText()).endsWith("Z");
                        assertThat(p.get("quantity").isInt()).isTrue();
                        break;
                    }
                    assertThat(p.at("/Payload/OrderChangeNotification/Summary/PurchaseDate")
                                    .asText())
                            .endsWith("Z");
                    assertThat(p.at("/Payload/OrderChangeNotification/Summary/MarketplaceId")
                                    .asText())
                            .isIn(
                                    "ATVPDKIKX0DER",
                                    "A2EUQ1WTGCTBG2",
                                    "A1F83G8C2ARO7P",
                                    "A1PA6795UKMFR9",
                                    "A13V1IB3VIYZZH");
                    break;
                case "ebay":
                    if (e.get("kind").asText().equals("return")) {
                        // the Post-Order API's dates are objects, its amounts numbers
                        assertThat(p.at("/creationInfo/creationDate/value").asText())
                                .matches(".*T\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
                        assertThat(p.at("/sellerTotalRefund/estimatedRefundAmount/value")
                                        .isNumber())
                                .isTrue();
                        break;
                    }
                    assertThat(p.get("creationDate").asText()).matches(".*T\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
                    assertThat(p.at("/pricingSummary/total/value").isTextual()).isTrue();
                    break;
                default:
                    assertThat(p.get("date_created_gmt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
                    assertThat(p.get(p.has("order_id") ? "amount" : "total").isTextual())
                            .isTrue();
                    assertThat(p.at("/line_items/0/price").isNumber()).isTrue();
            }
        }
    }

    @Test
    void contactDetailsAreObviouslyFake() {
        for (GeneratedRecord r : day.subList(0, 3_000)) {
            if (!r.topic.equals(GeneratedRecord.ORDERS_RAW) || r.label != null) continue;
            JsonNode p = Traffic.json(r).get("payload");
            String email = p.has("email")
                    ? p.get("email").asText()
                    : p.has("billing")
                            ? p.at("/billing/email").asText()
                            : p.has("buyer")
                                    ? p.at("/buyer/buyerRegistrationAddress/email")
                                            .asText()
                                    : null;
            if (email != null && !email.isEmpty()) assertThat(email).matches(".+@example\\.(com|net|org)");
        }
    }

    @Test
    void nightsAreQuieterAndWeekendsBusier() {
        GeneratorSettings s = Traffic.oneDay(3);
        s.duration = Duration.ofDays(7);
        s.ordersPerHour = 400;
        s.seasonalityZone = ZoneOffset.UTC;
        int[] byHour = new int[24];
        int weekend = 0;
        int weekday = 0;
        for (Iterator<GeneratedRecord> it = new TrafficGenerator(s).records(); it.hasNext(); ) {
            GeneratedRecord r = it.next();
            if (!r.topic.equals(GeneratedRecord.ORDERS_RAW) || r.label != null) continue;
            if (Traffic.order(r).step != Traffic.Step.CREATE) continue;
            ZonedDateTime t = Instant.ofEpochMilli(r.eventTime).atZone(ZoneOffset.UTC);
            if (t.isAfter(s.start.plus(s.duration).atZone(ZoneOffset.UTC))) continue;
            byHour[t.getHour()]++;
            switch (t.getDayOfWeek()) {
                case SATURDAY:
                case SUNDAY:
                    weekend++;
                    break;
                default:
                    weekday++;
            }
        }
        assertThat(byHour[3]).isLessThan(byHour[20] / 3);
        // 2026-11-02 is a Monday: five weekdays, then a weekend.
        assertThat(weekend / 2.0).isGreaterThan(1.15 * weekday / 5.0);
        int total = weekend + weekday;
        assertThat(total).isBetween((int) (0.93 * 400 * 168), (int) (1.07 * 400 * 168));
    }

    @Test
    void longRunsAreProducedLazily() {
        GeneratorSettings s = Traffic.oneDay(1);
        s.duration = Duration.ofDays(3_650);
        s.ordersPerHour = 20_000;
        Iterator<GeneratedRecord> it = new TrafficGenerator(s).records();
        long last = Long.MIN_VALUE;
        for (int i = 0; i < 50_000; i++) {
            GeneratedRecord r = it.next();
            assertThat(r.eventTime).isGreaterThanOrEqualTo(last);
            last = r.eventTime;
        }
        assertThat(last - s.start.toEpochMilli()).isLessThan(Duration.ofHours(3).toMillis());
    }

    @Test
    void aCutStreamEndsAtTheEnd() {
        GeneratorSettings s = Traffic.oneDay(5);
        s.duration = Duration.ofHours(6);
        s.completeLifecycles = false;
        List<GeneratedRecord> records = Traffic.all(s);
        long end = s.start.plus(s.duration).toEpochMilli();
        assertThat(records).isNotEmpty().allMatch(r -> r.eventTime < end);
    }

    @Test
    void aChannelMixOfOneGivesOnlyThatChannel() {
        GeneratorSettings s = Traffic.oneDay(9);
        s.duration = Duration.ofHours(4);
        s.channelMix = Map.of("ebay", 1.0);
        for (GeneratedRecord r : Traffic.all(s)) {
            if (r.topic.equals(GeneratedRecord.ORDERS_RAW) && (r.label == null || r.isDuplicate())) {
                assertThat(Traffic.json(r).get("source").asText()).isEqualTo("ebay");
            }
        }
    }

    @Test
    void ebayReturnsNameALineOfTheirOrderByListingAndTransaction() {
        Map<String, JsonNode> orders = new HashMap<>();
        List<JsonNode> returns = new ArrayList<>();
        for (GeneratedRecord r : day) {
            if (!r.topic.equals(GeneratedRecord.ORDERS_RAW) || r.label != null || r.isDuplicate()) continue;
            Traffic.OrderEnvelope e = Traffic.order(r);
            if (!e.source.equals("ebay")) continue;
            JsonNode payload = Traffic.json(r).get("payload");
            if (e.step == Traffic.Step.CREATE) orders.putIfAbsent(e.orderId, payload);
            if (e.step == Traffic.Step.RETURN) returns.add(payload);
        }
        assertThat(returns).isNotEmpty();
        int restockable = 0;
        for (JsonNode ret : returns) {
            JsonNode order = orders.get("ebay:" + ret.get("orderId").asText());
            assertThat(order).as("the order of return %s", ret.get("returnId")).isNotNull();
            JsonNode item = ret.at("/creationInfo/item");
            JsonNode line = null;
            for (JsonNode l : order.get("lineItems")) {
                if (l.get("legacyItemId").asText().equals(item.get("itemId").asText())
                        && l.get("lineItemId")
                                .asText()
                                .equals(item.get("transactionId").asText())) line = l;
            }
            assertThat(line).as("the line of return %s", ret.get("returnId")).isNotNull();
            assertThat(item.get("returnQuantity").asInt())
                    .isBetween(1, line.get("quantity").asInt());
            assertThat(ret.get("state").asText()).isEqualTo("ITEM_DELIVERED");
            assertThat(Instant.parse(ret.at("/itemReceipt/receivedDate/value").asText()))
                    .isAfter(Instant.parse(
                            ret.at("/creationInfo/creationDate/value").asText()));
            if (ret.at("/itemReceipt/restockable").asBoolean()) restockable++;
        }
        assertThat(restockable).as("most returned items can be sold again").isGreaterThan(returns.size() / 2);
    }

    @Test
    void shopifyReturnsNameTheConfiguredLocationIds() {
        GeneratorSettings s = Traffic.oneDay(42);
        s.shopifyLocationIds =
                Map.of("WH-EAST", 6_884_556_842L, "WH-WEST", 6_884_556_843L, "STORE-NYC", 6_884_556_844L);
        Set<String> restockTypes = new HashSet<>();
        for (GeneratedRecord r : Traffic.all(s)) {
            if (!r.topic.equals(GeneratedRecord.ORDERS_RAW) || r.label != null || !r.value.contains("refunds/create")) {
                continue;
            }
            for (JsonNode line : Traffic.json(r).at("/payload/refund_line_items")) {
                String type = line.get("restock_type").asText();
                restockTypes.add(type);
                if (type.equals("return"))
                    assertThat(line.get("location_id").asLong()).isBetween(6_884_556_842L, 6_884_556_844L);
                else assertThat(line.get("location_id").isNull()).isTrue();
            }
        }
        assertThat(restockTypes).contains("return", "cancel");
        // by default no refund line names a location: stockflow would take a Shopify number for a location name
        for (GeneratedRecord r : day) {
            if (r.label == null && r.value.contains("refunds/create")) {
                for (JsonNode line : Traffic.json(r).at("/payload/refund_line_items")) {
                    assertThat(line.get("location_id").isNull()).isTrue();
                }
            }
        }
    }

    @Test
    void refusesSettingsThatMakeNoSense() {
        GeneratorSettings s = new GeneratorSettings();
        s.cancelRate = 1.5;
        assertThatThrownBy(() -> new TrafficGenerator(s))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cancelRate");
        GeneratorSettings t = new GeneratorSettings();
        t.channelMix = Map.of("etsy", 1.0);
        assertThatThrownBy(() -> new TrafficGenerator(t)).hasMessageContaining("etsy");
        GeneratorSettings u = new GeneratorSettings();
        u.locations = List.of();
        assertThatThrownBy(() -> new TrafficGenerator(u)).hasMessageContaining("locations");
    }
}
