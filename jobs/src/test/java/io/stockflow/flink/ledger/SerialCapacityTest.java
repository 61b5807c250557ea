package io.stockflow.flink.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.flink.routing.RuleSetDocuments;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.ledger.Allocation;
import io.stockflow.ledger.LedgerCommand;
import io.stockflow.ledger.LineAllocation;
import io.stockflow.ledger.RoutePlan;
import io.stockflow.routing.Exclusion;
import io.stockflow.routing.RoutePlans;
import io.stockflow.routing.RoutingRequest;
import io.stockflow.routing.RuleSet;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SerialCapacityTest {
    /** WH-EAST first (the cheapest), two shipments a day; WH-WEST unlimited. */
    private static final String C1 = """
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
            """;

    private static final RuleSet RULES = parse(C1);

    private static final long NOON = Instant.parse("2026-11-26T17:00:00Z").toEpochMilli();
    private final SerialCapacity capacity = SerialCapacity.onHeap(new DecisionClock(true));

    @Test
    void aLocationIsLeftOutOfEveryLineOfAReserveOnceTheDecisionsBeforeFillItsDay() throws Exception {
        for (String order : List.of("o1", "o2")) {
            LedgerCommand line = reserve(order, "SKU-A", 1, true);
            capacity.finishPlan(line);
            assertThat(line.route.candidates).as(order).containsExactly("WH-EAST", "WH-WEST");
            capacity.decided(List.of(held(line, "WH-EAST")));
        }

        LedgerCommand first = reserve("o3", "SKU-A", 2, true);
        LedgerCommand second = reserve("o3", "SKU-B", 2, false);
        capacity.finishPlan(first);
        capacity.finishPlan(second);

        assertThat(first.route.candidates).containsExactly("WH-WEST");
        assertThat(RoutePlans.evaluation(first.route).excluded())
                .containsExactly(new Exclusion("WH-EAST", "daily capacity of 2 used up on 2026-11-26"));
        assertThat(second.route.candidates).as("the reserve's other line").containsExactly("WH-WEST");
        assertThat(second.route.evaluation).as("rides on the first line only").isNull();
    }

    @Test
    void aFillThatShipsFromANewPlaceCountsAndOneFromAPlaceAlreadyCountedDoesNot() throws Exception {
        LedgerCommand line = reserve("o1", "SKU-A", 1, true);
        capacity.finishPlan(line);
        LineAllocation backordered = held(line, null);
        capacity.decided(List.of(backordered));

        capacity.filled(fill(backordered, "WH-EAST"));
        LedgerCommand next = reserve("o2", "SKU-A", 1, true);
        capacity.finishPlan(next);
        assertThat(RoutePlans.evaluation(next.route).candidate("WH-EAST").capacityLeft())
                .as("the fill's shipment counted")
                .isEqualTo(1);

        capacity.decided(List.of(held(next, "WH-EAST")));
        LedgerCommand full = reserve("o3", "SKU-A", 1, true);
        capacity.finishPlan(full);
        assertThat(full.route.candidates).containsExactly("WH-WEST");
    }

    private static RuleSet parse(String document) {
        try {
            return RuleSetDocuments.parse(RuleSetDocuments.canonical(document.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A reserve under rule set c1, made before capacity as the replay's router makes it. */
    private static LedgerCommand reserve(String orderId, String sku, int lineCount, boolean first) {
        Map<String, Long> lines = new LinkedHashMap<>();
        lines.put(sku, 1L);
        RoutingRequest request = new RoutingRequest(
                orderId, "shopify", "US", "NY", "10001", "STANDARD", new BigDecimal("10"), "USD", lines, NOON);
        LedgerCommand c =
                LedgerCommand.forOrder(LedgerCommand.Kind.RESERVE, "e-" + orderId, orderId, "shopify", sku, 1, NOON);
        c.decision = true;
        c.lineCount = lineCount;
        RoutePlan plan = RoutePlans.beforeCapacity(RULES, request);
        c.route = first ? plan : RoutePlans.withoutEvaluation(plan);
        return c;
    }

    /** The ledger's answer: the line held whole at {@code location}, or backordered (null). */
    private static LineAllocation held(LedgerCommand c, String location) {
        LineAllocation l = new LineAllocation();
        l.orderId = c.orderId;
        l.eventId = c.eventId;
        l.channel = c.channel;
        l.sku = c.sku;
        l.lineCount = c.lineCount;
        l.requested = c.quantity;
        l.eventTime = c.eventTime;
        l.route = c.route;
        if (location == null) l.backordered = c.quantity;
        else l.allocations.add(new Allocation(location, c.quantity));
        return l;
    }

    private static LineAllocation fill(LineAllocation backordered, String location) {
        LineAllocation f = new LineAllocation();
        f.orderId = backordered.orderId;
        f.eventId = backordered.eventId;
        f.channel = backordered.channel;
        f.sku = backordered.sku;
        f.lineCount = backordered.lineCount;
        f.requested = backordered.requested;
        f.eventTime = backordered.eventTime + 1000;
        f.route = RoutePlans.withoutEvaluation(backordered.route);
        f.allocations.add(new Allocation(location, backordered.requested));
        f.fill = List.of(new Allocation(location, backordered.requested));
        f.filledBy = "mv-1";
        f.reason = "1 of SKU-A reserved for the backorder when stock came";
        return f;
    }
}
