package io.stockflow.flink.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.flink.routing.RuleSetDocuments;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.ledger.LedgerCommand;
import io.stockflow.ledger.LedgerPolicy;
import io.stockflow.ledger.LineAllocation;
import io.stockflow.ledger.RoutePlan;
import io.stockflow.model.MovementType;
import io.stockflow.routing.RoutePlans;
import io.stockflow.routing.RoutingRequest;
import io.stockflow.routing.RuleSet;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The serial ledger keeps what a decision depends on in checkpointed keyed state: an order whose lines straddle a
 * checkpoint is corrected after a restore as without one, shipments counted before a restore still fill a location's
 * day, and a movement applied before a restore is not applied again.
 */
class SerialLedgerFunctionTest {
    /** WH-EAST first (the cheapest), one shipment a day; WH-WEST unlimited. */
    private static final String C1 = """
            {"version": "c1", "effective_from": "2026-11-26T00:00:00Z",
             "zones": [{"id": "US", "country": "US"}],
             "locations": [
               {"id": "WH-EAST", "type": "WAREHOUSE", "country": "US", "time_zone": "America/New_York",
                "daily_capacity": 1,
                "rates": [{"service_level": "STANDARD", "zone": "US", "cost": "4.00", "transit_days": 2}]},
               {"id": "WH-WEST", "type": "WAREHOUSE", "country": "US", "time_zone": "America/Los_Angeles",
                "rates": [{"service_level": "STANDARD", "zone": "US", "cost": "6.00", "transit_days": 4}]}],
             "rules": [],
             "fallback": {"id": "cheapest", "actions": {"rank_by": ["COST"]}}}
            """;

    private static final RuleSet RULES = parse(C1);
    private static final long NOON = Instant.parse("2026-11-26T17:00:00Z").toEpochMilli();

    private KeyedOneInputStreamOperatorTestHarness<String, LedgerCommand, AvailabilityUpdate> harness;

    @AfterEach
    void close() throws Exception {
        if (harness != null) harness.close();
    }

    @Test
    void anOrderWhoseLinesStraddleARestoreIsCorrectedAsWithoutOne() throws Exception {
        List<String> straight = new ArrayList<>();
        harness = open(null);
        stock();
        List<LedgerCommand> order = order("o1", Map.of("SKU-A", 1L, "SKU-B", 1L));
        for (LedgerCommand line : order) send(line);
        straight.addAll(held());

        harness.close();
        harness = open(null);
        stock();
        order = order("o1", Map.of("SKU-A", 1L, "SKU-B", 1L));
        send(order.get(0));
        harness = restart();
        send(order.get(1));

        assertThat(straight)
                .as("one shipment from WH-WEST, which has both: SKU-A's hold at WH-EAST moved")
                .containsExactly("o1 SKU-A WH-WEST=1", "o1 SKU-B WH-WEST=1");
        assertThat(held()).as("after the restore").isEqualTo(straight);
    }

    @Test
    void shipmentsCountedBeforeARestoreStillFillALocationsDay() throws Exception {
        harness = open(null);
        stock();
        send(order("o1", Map.of("SKU-A", 1L)).get(0));
        harness = restart();
        send(order("o2", Map.of("SKU-A", 1L)).get(0));

        assertThat(held()).as("WH-EAST's one shipment of the day went to o1").containsExactly("o2 SKU-A WH-WEST=1");
    }

    @Test
    void aMovementAppliedBeforeARestoreIsNotAppliedAgain() throws Exception {
        harness = open(null);
        stock();
        harness = restart();
        send(LedgerCommand.movement("m-A-EAST", "SKU-A", "WH-EAST", MovementType.RECEIPT, 5, NOON - 1000));
        assertThat(harness.extractOutputValues())
                .as("a repeated delivery changes nothing")
                .isEmpty();

        send(LedgerCommand.movement("m-A-EAST-2", "SKU-A", "WH-EAST", MovementType.RECEIPT, 5, NOON - 1000));
        assertThat(harness.extractOutputValues())
                .extracting(u -> u.location + " on hand " + u.onHand)
                .contains("WH-EAST on hand 6");
    }

    /** SKU-A: 1 at WH-EAST, 5 at WH-WEST; SKU-B: 5 at WH-WEST only. */
    private void stock() throws Exception {
        send(LedgerCommand.movement("m-A-EAST", "SKU-A", "WH-EAST", MovementType.RECEIPT, 1, NOON - 1000));
        send(LedgerCommand.movement("m-A-WEST", "SKU-A", "WH-WEST", MovementType.RECEIPT, 5, NOON - 1000));
        send(LedgerCommand.movement("m-B-WEST", "SKU-B", "WH-WEST", MovementType.RECEIPT, 5, NOON - 1000));
        harness.getOutput().clear();
    }

    private KeyedOneInputStreamOperatorTestHarness<String, LedgerCommand, AvailabilityUpdate> open(
            OperatorSubtaskState restored) throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new SerialLedgerFunction(
                        LedgerPolicy.DEFAULTS, Duration.ofDays(7), Duration.ofDays(7), new DecisionClock(true))),
                c -> ReplayLedgerFunction.ALL_SKUS,
                Types.STRING);
        if (restored != null) h.initializeState(restored);
        h.open();
        return h;
    }

    /** A checkpoint, the task gone, and a new one restored from it. */
    private KeyedOneInputStreamOperatorTestHarness<String, LedgerCommand, AvailabilityUpdate> restart()
            throws Exception {
        OperatorSubtaskState state = harness.snapshot(1, NOON);
        harness.close();
        harness = null;
        return open(state);
    }

    private void send(LedgerCommand c) throws Exception {
        harness.processElement(new StreamRecord<>(c, c.eventTime));
    }

    /** The decided lines sent on, as "order SKU location=units". */
    private List<String> held() {
        var records = harness.getSideOutput(StockLedgerFunction.LINES);
        List<String> lines = new ArrayList<>();
        if (records == null) return lines;
        for (StreamRecord<LineAllocation> r : records) {
            LineAllocation l = r.getValue();
            lines.add(l.orderId + " " + l.sku + " "
                    + String.join(
                            ",",
                            l.allocations.stream()
                                    .map(a -> a.location + "=" + a.quantity)
                                    .toList()));
        }
        return lines;
    }

    /** An order's reserve commands under c1, made before capacity as the router makes them for a one-task ledger. */
    private static List<LedgerCommand> order(String orderId, Map<String, Long> units) {
        Map<String, Long> lines = new LinkedHashMap<>(new TreeMap<>(units));
        RoutingRequest request = new RoutingRequest(
                orderId, "shopify", "US", "NY", "10001", "STANDARD", new BigDecimal("10"), "USD", lines, NOON);
        RoutePlan plan = RoutePlans.beforeCapacity(RULES, request);
        List<LedgerCommand> commands = new ArrayList<>();
        for (Map.Entry<String, Long> line : lines.entrySet()) {
            LedgerCommand c = LedgerCommand.forOrder(
                    LedgerCommand.Kind.RESERVE,
                    orderId + ":placed",
                    orderId,
                    "shopify",
                    line.getKey(),
                    line.getValue(),
                    NOON);
            c.decision = true;
            c.lineCount = lines.size();
            c.route = commands.isEmpty() ? plan : RoutePlans.withoutEvaluation(plan);
            commands.add(c);
        }
        return commands;
    }

    private static RuleSet parse(String document) {
        try {
            return RuleSetDocuments.parse(RuleSetDocuments.canonical(document.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
