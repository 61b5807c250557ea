package io.stockflow.flink.inventory;

import static io.stockflow.flink.inventory.InventoryScenario.movement;
import static io.stockflow.flink.inventory.InventoryScenario.receipt;
import static io.stockflow.flink.inventory.InventoryScenario.shipped;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.allocation.AllocatedUnits;
import io.stockflow.allocation.Decision;
import io.stockflow.allocation.OrderAllocation;
import io.stockflow.flink.io.Topics;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.model.OrderEventType;
import io.stockflow.routing.CapacityLevel;
import io.stockflow.testing.ShopifyOrders;
import io.stockflow.testing.TestFlink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The inventory topology on in-memory records, bounded and in replay mode, its typed outputs collected: the ledger
 * rules of the README, one behaviour per run, without a broker or files.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class InventoryTopologyITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.miniCluster();

    private static final String STOCK_ARRIVES = "2026-11-26T08:00:00Z";
    private static final String ORDER_PLACED = "2026-11-26T10:00:00Z";

    /** A Shopify order to New York of {@code quantity} units of SKU-A. */
    private static String placed(long id, long quantity) {
        return ShopifyOrders.placed(id, ORDER_PLACED, "NY", "10001", "SKU-A", quantity, "10.00");
    }

    @Test
    void anOrderIsHeldWholeAtTheLocationWithTheMostAvailable() throws Exception {
        InventoryScenario.Results out = new InventoryScenario()
                .movements(
                        receipt("mv-1", "SKU-A", "WH-EAST", 10, STOCK_ARRIVES),
                        receipt("mv-2", "SKU-A", "WH-WEST", 5, STOCK_ARRIVES))
                .orders(placed(1001, 3))
                .run();

        assertThat(out.canonicalOrders()).singleElement().satisfies(e -> {
            assertThat(e.orderId).isEqualTo("shopify:1001");
            assertThat(e.type).isEqualTo(OrderEventType.PLACED);
        });
        OrderAllocation decision = out.allocation("shopify:1001");
        assertThat(decision.decision).isEqualTo(Decision.ALLOCATED);
        assertThat(decision.allocations).containsExactly(new AllocatedUnits("SKU-A", 3, "WH-EAST"));
        assertThat(decision.backordered).isEmpty();
        assertThat(levels(out.finalAvailability("SKU-A", "WH-EAST"))).containsExactly(10L, 3L, 7L);
        assertThat(levels(out.finalAvailability("SKU-A", "WH-WEST"))).containsExactly(5L, 0L, 5L);
        assertThat(levels(out.finalAvailability("SKU-A", "*"))).containsExactly(15L, 3L, 12L);
        assertThat(out.deadLetters()).isEmpty();
    }

    @Test
    void aCancelledOrderReleasesItsReservation() throws Exception {
        InventoryScenario.Results out = new InventoryScenario()
                .movements(receipt("mv-1", "SKU-A", "WH-EAST", 10, STOCK_ARRIVES))
                .orders(
                        placed(1002, 4),
                        ShopifyOrders.cancelled(
                                1002, ORDER_PLACED, "2026-11-26T11:00:00Z", "NY", "10001", "SKU-A", 4, "10.00"))
                .run();

        assertThat(out.canonicalOrders())
                .extracting(e -> e.type)
                .containsExactlyInAnyOrder(OrderEventType.PLACED, OrderEventType.CANCELLED);
        assertThat(out.availability())
                .as("the order was held before it was cancelled")
                .anySatisfy(u -> assertThat(levels(u)).containsExactly(10L, 4L, 6L));
        assertThat(levels(out.finalAvailability("SKU-A", "WH-EAST"))).containsExactly(10L, 0L, 10L);
    }

    @Test
    void aWarehouseShipmentTakesItsUnitsFromOnHandAndConsumesTheReservation() throws Exception {
        InventoryScenario.Results out = new InventoryScenario()
                .movements(receipt("mv-1", "SKU-A", "WH-EAST", 10, STOCK_ARRIVES))
                .orders(placed(1003, 4))
                .fulfilments(shipped("ful-1003", "shopify:1003", "WH-EAST", "SKU-A", 4, "2026-11-26T12:00:00Z"))
                .run();

        assertThat(out.allocation("shopify:1003").decision).isEqualTo(Decision.ALLOCATED);
        assertThat(levels(out.finalAvailability("SKU-A", "WH-EAST"))).containsExactly(6L, 0L, 6L);
        assertThat(levels(out.finalAvailability("SKU-A", "*"))).containsExactly(6L, 0L, 6L);
    }

    @Test
    void aRepeatedDeliveryIsRecognisedAndAppliedOnce() throws Exception {
        String order = placed(1004, 2);
        String webhookRetry =
                order.replace("\"received_at\":\"" + ORDER_PLACED + "\"", "\"received_at\":\"2026-11-26T10:00:30Z\"");
        String receipt = receipt("mv-1", "SKU-A", "WH-EAST", 10, STOCK_ARRIVES);
        InventoryScenario.Results out = new InventoryScenario()
                .movements(receipt, receipt)
                .orders(order, webhookRetry)
                .run();

        assertThat(webhookRetry).isNotEqualTo(order);
        assertThat(out.canonicalOrders())
                .as("one canonical event per marketplace event")
                .hasSize(1);
        assertThat(out.allocations()).as("one decision per order").hasSize(1);
        assertThat(levels(out.finalAvailability("SKU-A", "WH-EAST")))
                .as("received once, held once")
                .containsExactly(10L, 2L, 8L);
    }

    @Test
    void anUnusableRecordIsDeadLetteredWithItsReasonAndRawTextAndTheOthersGoOn() throws Exception {
        String cutOff = "{\"source\":\"shopify\",\"kind\":\"orders/create\",\"payload\":{\"id\":1";
        String negative = movement("mv-bad", "SKU-A", "WH-EAST", "RECEIPT", -4, STOCK_ARRIVES);
        InventoryScenario.Results out = new InventoryScenario()
                .movements(negative, receipt("mv-1", "SKU-A", "WH-EAST", 10, STOCK_ARRIVES))
                .orders(cutOff, placed(1005, 1))
                .run();

        assertThat(out.deadLetters()).hasSize(2);
        assertThat(out.deadLetters()).anySatisfy(d -> {
            assertThat(d.sourceTopic).isEqualTo(Topics.ORDERS_RAW);
            assertThat(d.error).startsWith("record is not JSON: Unexpected end-of-input");
            assertThat(d.raw).isEqualTo(cutOff);
            assertThat(d.receivedAt).isEqualTo(InventoryScenario.RECEIVED_AT);
        });
        assertThat(out.deadLetters()).anySatisfy(d -> {
            assertThat(d.sourceTopic).isEqualTo(Topics.MOVEMENTS);
            assertThat(d.error).isEqualTo("RECEIPT quantity must be positive, got -4");
            assertThat(d.raw).isEqualTo(negative);
        });
        assertThat(out.allocation("shopify:1005").decision).isEqualTo(Decision.ALLOCATED);
        assertThat(levels(out.finalAvailability("SKU-A", "WH-EAST"))).containsExactly(10L, 1L, 9L);
    }

    @Test
    void anOrderBeyondWhatIsAvailableIsPartlyBackorderedAndRaisesOversell() throws Exception {
        InventoryScenario.Results out = new InventoryScenario()
                .movements(receipt("mv-1", "SKU-A", "WH-EAST", 2, STOCK_ARRIVES))
                .orders(placed(1006, 5))
                .run();

        OrderAllocation decision = out.allocation("shopify:1006");
        assertThat(decision.decision).isEqualTo(Decision.PARTIAL);
        assertThat(decision.allocations).containsExactly(new AllocatedUnits("SKU-A", 2, "WH-EAST"));
        assertThat(decision.backordered)
                .extracting(b -> b.sku + " x" + b.quantity)
                .containsExactly("SKU-A x3");
        assertThat(out.alerts("OVERSELL")).singleElement().satisfies(a -> {
            assertThat(a.sku).isEqualTo("SKU-A");
            assertThat(a.orderId).isEqualTo("shopify:1006");
        });
        assertThat(levels(out.finalAvailability("SKU-A", "WH-EAST")))
                .as("nothing held beyond what is there")
                .containsExactly(2L, 2L, 0L);
    }

    @Test
    void stockThatArrivesFillsBackordersOldestFirstAndEachFilledOrderGetsItsNextDecision() throws Exception {
        InventoryScenario backorders = new InventoryScenario()
                .movements(
                        receipt("mv-b", "SKU-B", "WH-WEST", 5, STOCK_ARRIVES),
                        receipt("mv-1", "SKU-A", "WH-EAST", 4, "2026-11-26T11:00:00Z"),
                        movement("mv-2", "SKU-A", "WH-WEST", "COUNT", 3, "2026-11-26T12:00:00Z"))
                .orders(
                        ShopifyOrders.placed(2001, "2026-11-26T10:00:00Z", "NY", "10001", "SKU-A", 3, "30.00"),
                        ShopifyOrders.placed(2004, "2026-11-26T10:01:00Z", "NY", "10001", "SKU-A", 5, "50.00"),
                        ShopifyOrders.cancelled(
                                2004,
                                "2026-11-26T10:01:00Z",
                                "2026-11-26T10:30:00Z",
                                "NY",
                                "10001",
                                "SKU-A",
                                5,
                                "50.00"),
                        ShopifyOrders.placed(2002, "2026-11-26T10:05:00Z", "NY", "10001", "SKU-A", 2, "20.00"),
                        ShopifyOrders.placed(
                                2003,
                                "2026-11-26T10:10:00Z",
                                "NY",
                                "10001",
                                new LinkedHashMap<>(Map.of("SKU-A", 1L, "SKU-B", 1L)),
                                "20.00"));
        InventoryScenario.Results out = backorders.run();

        // The receipt of 4: 2001 (oldest) whole, 2002 one of two; the cancelled 2004 nothing.
        assertThat(out.decisions("shopify:2001"))
                .extracting(d -> d.decision + " r" + d.revision)
                .containsExactly("BACKORDERED r1", "ALLOCATED r2");
        OrderAllocation filled = out.decisions("shopify:2001").get(1);
        assertThat(filled.allocations).containsExactly(new AllocatedUnits("SKU-A", 3, "WH-EAST"));
        assertThat(filled.filled).containsExactly(new AllocatedUnits("SKU-A", 3, "WH-EAST"));
        assertThat(filled.eventTime)
                .isEqualTo(java.time.Instant.parse("2026-11-26T11:00:00Z").toEpochMilli());
        assertThat(filled.reason).contains("RECEIPT mv-1 at WH-EAST");
        assertThat(out.decisions("shopify:2004"))
                .as("cancelled: its backorder is dropped, never filled")
                .extracting(d -> d.decision + " r" + d.revision)
                .containsExactly("BACKORDERED r1");
        // The count that raises WH-WEST to 3: the rest of 2002, then 2003's SKU-A line (its SKU-B line kept).
        assertThat(out.decisions("shopify:2002"))
                .extracting(d -> d.decision + " r" + d.revision)
                .containsExactly("BACKORDERED r1", "PARTIAL r2", "ALLOCATED r3");
        List<OrderAllocation> multiLine = out.decisions("shopify:2003");
        assertThat(multiLine)
                .extracting(d -> d.decision + " r" + d.revision)
                .containsExactly("PARTIAL r1", "ALLOCATED r2");
        assertThat(multiLine.get(1).allocations)
                .containsExactlyInAnyOrder(
                        new AllocatedUnits("SKU-A", 1, "WH-WEST"), new AllocatedUnits("SKU-B", 1, "WH-WEST"));

        // What the channels are offered after the receipt already has the backorders reserved: no level of WH-EAST
        // ever shows the received units as available.
        assertThat(out.availability())
                .filteredOn(u -> u.sku.equals("SKU-A") && u.location.equals("WH-EAST"))
                .extracting(InventoryTopologyITCase::levels)
                .containsExactly(List.of(4L, 4L, 0L));
        assertThat(levels(out.finalAvailability("SKU-A", "WH-WEST"))).containsExactly(3L, 2L, 1L);

        InventoryScenario.Results again = backorders.run();
        assertThat(again.allocations())
                .as("a replay decides the same, revision by revision")
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("decidedAt")
                .containsExactlyInAnyOrderElementsOf(out.allocations());
    }

    @Test
    void aRuleSetInForceDecidesWhereAnOrderShipsAndTheDecisionNamesIt() throws Exception {
        InventoryScenario.Results out = new InventoryScenario()
                .ruleSets(WEST_FIRST)
                .movements(
                        receipt("mv-1", "SKU-A", "WH-EAST", 10, STOCK_ARRIVES),
                        receipt("mv-2", "SKU-A", "WH-WEST", 5, STOCK_ARRIVES))
                .orders(placed(1007, 2))
                .run();

        OrderAllocation decision = out.allocation("shopify:1007");
        assertThat(decision.allocations)
                .as("the default would take the most available, WH-EAST")
                .containsExactly(new AllocatedUnits("SKU-A", 2, "WH-WEST"));
        assertThat(decision.ruleSetVersion).isEqualTo("t1");
        assertThat(decision.ruleIds).containsExactly("west-first");
        assertThat(out.capacityLevels())
                .as("one shipment planned from the west, on its day")
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.location).isEqualTo("WH-WEST");
                    assertThat(l.planned).isEqualTo(1);
                });
        assertThat(out.deadLetters()).isEmpty();
    }

    @Test
    void anInvalidRuleSetIsDeadLetteredAndRaisesAnAlertAndTheDefaultStaysInForce() throws Exception {
        String invalid = "{\"version\":\"t2\",\"effective_from\":\"2026-11-26T00:00:00Z\",\"zones\":[],"
                + "\"locations\":[],\"rules\":[]}";
        InventoryScenario.Results out = new InventoryScenario()
                .ruleSets(invalid)
                .movements(
                        receipt("mv-1", "SKU-A", "WH-EAST", 10, STOCK_ARRIVES),
                        receipt("mv-2", "SKU-A", "WH-WEST", 5, STOCK_ARRIVES))
                .orders(placed(1008, 2))
                .run();

        assertThat(out.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.sourceTopic).isEqualTo(Topics.ROUTING_RULES);
            assertThat(d.error).contains("fallback");
            assertThat(d.raw).isEqualTo(invalid);
        });
        assertThat(out.alerts("RULE_SET_REJECTED"))
                .singleElement()
                .satisfies(a -> assertThat(a.message).contains("t2"));
        assertThat(out.allocation("shopify:1008").allocations)
                .containsExactly(new AllocatedUnits("SKU-A", 2, "WH-EAST"));
    }

    @Test
    void inAReplayALocationWhoseDayIsFullIsLeftOutAndShipsAgainTheNextDay() throws Exception {
        String dayTwo = "2026-11-27T15:00:00Z";
        InventoryScenario.Results out = new InventoryScenario()
                .ruleSets(EAST_TWO_A_DAY)
                .movements(
                        receipt("mv-1", "SKU-A", "WH-EAST", 100, STOCK_ARRIVES),
                        receipt("mv-2", "SKU-A", "WH-WEST", 100, STOCK_ARRIVES),
                        receipt("mv-3", "SKU-B", "WH-EAST", 100, STOCK_ARRIVES),
                        receipt("mv-4", "SKU-B", "WH-WEST", 100, STOCK_ARRIVES))
                .orders(
                        ShopifyOrders.placed(1011, "2026-11-26T10:00:00Z", "NY", "10001", "SKU-A", 1, "10.00"),
                        ShopifyOrders.placed(1012, "2026-11-26T10:01:00Z", "NY", "10001", "SKU-A", 1, "10.00"),
                        ShopifyOrders.placed(
                                1013,
                                "2026-11-26T10:02:00Z",
                                "NY",
                                "10001",
                                new LinkedHashMap<>(Map.of("SKU-A", 1L, "SKU-B", 1L)),
                                "10.00"),
                        ShopifyOrders.placed(1014, dayTwo, "NY", "10001", "SKU-B", 1, "10.00"))
                .run();

        Map<String, String> shipFrom = new LinkedHashMap<>();
        for (String id : List.of("shopify:1011", "shopify:1012", "shopify:1013", "shopify:1014")) {
            OrderAllocation a = out.allocation(id);
            shipFrom.put(
                    id,
                    a.allocations.stream()
                            .map(u -> u.location)
                            .distinct()
                            .sorted()
                            .toList()
                            .toString());
        }
        assertThat(shipFrom)
                .containsExactly(
                        Map.entry("shopify:1011", "[WH-EAST]"),
                        Map.entry("shopify:1012", "[WH-EAST]"),
                        Map.entry("shopify:1013", "[WH-WEST]"),
                        Map.entry("shopify:1014", "[WH-EAST]"));
        assertThat(out.allocation("shopify:1013").explanationJson)
                .contains("daily capacity of 2 used up on 2026-11-26");
        Map<String, Long> planned = new TreeMap<>();
        for (CapacityLevel l : out.capacityLevels()) planned.merge(l.key(), l.planned, Math::max);
        assertThat(planned)
                .containsExactly(
                        Map.entry("WH-EAST|2026-11-26", 2L),
                        Map.entry("WH-EAST|2026-11-27", 1L),
                        Map.entry("WH-WEST|2026-11-26", 1L));
        assertThat(out.alerts("CAPACITY_EXCEEDED")).as("no day goes over").isEmpty();
    }

    /** On hand, reserved, available. */
    private static java.util.List<Long> levels(AvailabilityUpdate u) {
        return java.util.List.of(u.onHand, u.reserved, u.available);
    }

    /** Rule set {@code t1}: every order ships from WH-WEST. */
    private static final String WEST_FIRST = """
            {"version": "t1", "effective_from": "2026-11-26T00:00:00Z",
             "zones": [{"id": "US", "country": "US"}],
             "locations": [
               {"id": "WH-EAST", "type": "WAREHOUSE", "country": "US", "time_zone": "America/New_York",
                "rates": [{"service_level": "STANDARD", "zone": "US", "cost": "4.00", "transit_days": 2}]},
               {"id": "WH-WEST", "type": "WAREHOUSE", "country": "US", "time_zone": "America/Los_Angeles",
                "rates": [{"service_level": "STANDARD", "zone": "US", "cost": "6.00", "transit_days": 4}]}],
             "rules": [{"id": "west-first", "actions": {"only": ["WH-WEST"]}}],
             "fallback": {"id": "cheapest", "actions": {"rank_by": ["COST"]}}}
            """.replace("\n", " ");

    /** Rule set {@code c1}: the cheapest first, WH-EAST, which ships two orders a day. */
    private static final String EAST_TWO_A_DAY = """
            {"version": "c1", "effective_from": "2026-11-26T00:00:00Z",
             "zones": [{"id": "US", "country": "US"}],
             "locations": [
               {"id": "WH-EAST", "type": "WAREHOUSE", "country": "US", "time_zone": "America/New_York",
                "daily_capacity": 2,
                "rates": [{"service_level": "STANDARD", "zone": "US", "cost": "4.00", "transit_days": 2}]},
               {"id": "WH-WEST", "type": "WAREHOUSE", "country": "US", "time_zone": "America/Los_Angeles",
                "rates": [{"service_level": "STANDARD", "zone": "US", "cost": "6.00", "transit_days": 4}]}],
             "rules": [],
             "fallback": {"id": "cheapest", "actions": {"rank_by": ["COST"]}}}
            """.replace("\n", " ");
}
