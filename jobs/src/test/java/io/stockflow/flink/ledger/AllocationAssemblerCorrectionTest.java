package io.stockflow.flink.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.allocation.AllocatedUnits;
import io.stockflow.allocation.Decision;
import io.stockflow.allocation.OrderAllocation;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.ledger.Allocation;
import io.stockflow.ledger.HoldCorrection;
import io.stockflow.ledger.LineAllocation;
import io.stockflow.ledger.LineCorrection;
import io.stockflow.ledger.RoutePlan;
import io.stockflow.routing.RoutePlans;
import io.stockflow.routing.RoutingRequest;
import io.stockflow.routing.RuleSet;
import io.stockflow.routing.RuleSetParser;
import io.stockflow.routing.StockSnapshot;
import io.stockflow.testing.Fixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The assembler's half of the correction round, with rule set r1 of the routing fixtures (to New York: STORE-NYC
 * ranks first, WH-EAST second; ship complete preferred, up to 2 shipments): an order whose holds are the plan is
 * published at once; otherwise one correction per differing SKU goes out, once, and the decision follows the answers.
 */
class AllocationAssemblerCorrectionTest {
    private static final String ORDER = "shopify:1";
    private static final String DECISION = "shopify:1:placed";
    private static RoutePlan route;

    private KeyedOneInputStreamOperatorTestHarness<String, LineAllocation, OrderAllocation> harness;

    @BeforeAll
    static void ruleSet() throws Exception {
        RuleSet r1 = RuleSetParser.parseFile(Fixtures.dir("routing").resolve("rules-v1.json"));
        Map<String, Long> lines = new LinkedHashMap<>();
        lines.put("SKU-A", 1L);
        lines.put("SKU-B", 1L);
        route = RoutePlans.of(
                r1,
                new RoutingRequest(
                        ORDER, "shopify", "US", "NY", "10001", "STANDARD", new BigDecimal("30.00"), "USD", lines, 2000),
                new StockSnapshot(null));
        assertThat(route.candidates).startsWith("STORE-NYC", "WH-EAST");
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) harness.close();
    }

    @Test
    void anOrderWhoseHoldsAreThePlanIsPublishedAtOnce() throws Exception {
        open(true);
        send(line("SKU-A", "STORE-NYC", Map.of("STORE-NYC", 8L, "WH-EAST", 5L)));
        send(line("SKU-B", "STORE-NYC", Map.of("STORE-NYC", 3L, "WH-EAST", 5L)));

        assertThat(corrections()).isEmpty();
        assertThat(decisions()).singleElement().satisfies(d -> {
            assertThat(d.decision).isEqualTo(Decision.ALLOCATED);
            assertThat(units(d)).containsExactly("SKU-A 1@STORE-NYC", "SKU-B 1@STORE-NYC");
        });
    }

    @Test
    void holdsThatDifferFromThePlanAreCorrectedOnceAndTheDecisionFollowsTheAnswer() throws Exception {
        open(true);
        sendSplitHolds();

        assertThat(decisions()).as("waits for the answer").isEmpty();
        assertThat(corrections()).singleElement().satisfies(c -> {
            assertThat(c.orderId).isEqualTo(ORDER);
            assertThat(c.decisionId).isEqualTo(DECISION);
            assertThat(c.sku).isEqualTo("SKU-A");
            assertThat(c.targets).containsExactly(new Allocation("WH-EAST", 1));
        });

        send(answer(HoldCorrection.Outcome.APPLIED, "WH-EAST", null));

        assertThat(decisions()).singleElement().satisfies(d -> {
            assertThat(d.decision).isEqualTo(Decision.ALLOCATED);
            assertThat(units(d)).containsExactly("SKU-A 1@WH-EAST", "SKU-B 1@WH-EAST");
            assertThat(d.reason)
                    .startsWith("Ships complete from WH-EAST (rank 2 of 3)")
                    .doesNotContain("Not corrected");
        });
        assertThat(corrections()).hasSize(1);
    }

    @Test
    void aKeptCorrectionIsPublishedAsHeldAndExplained() throws Exception {
        open(true);
        sendSplitHolds();
        send(answer(HoldCorrection.Outcome.KEPT, "STORE-NYC", "SKU-A stayed at STORE-NYC: WH-EAST had 0 of 1 free"));

        assertThat(decisions()).singleElement().satisfies(d -> {
            assertThat(units(d)).containsExactly("SKU-A 1@STORE-NYC", "SKU-B 1@WH-EAST");
            assertThat(d.reason)
                    .startsWith("Split into 2 shipments")
                    .endsWith(" Not corrected: SKU-A stayed at STORE-NYC: WH-EAST had 0 of 1 free.");
        });
    }

    @Test
    void aStaleCorrectionIsPublishedWithWhatTheLedgerHoldsNow() throws Exception {
        open(true);
        sendSplitHolds();
        LineAllocation stale =
                answer(HoldCorrection.Outcome.STALE, "STORE-NYC", "SKU-A was not moved: the order was updated first");
        stale.allocations.set(0, new Allocation("STORE-NYC", 2));
        send(stale);

        assertThat(decisions()).singleElement().satisfies(d -> {
            assertThat(units(d)).containsExactly("SKU-A 2@STORE-NYC", "SKU-B 1@WH-EAST");
            assertThat(d.reason).endsWith(" Not corrected: SKU-A was not moved: the order was updated first.");
        });
    }

    @Test
    void aCorrectionAnsweredAfterTheOrderWasCancelledPublishesTheHoldsOfTheDecisionNotAnEmptyAllocation()
            throws Exception {
        open(true);
        sendSplitHolds();
        LineAllocation stale =
                answer(HoldCorrection.Outcome.STALE, "STORE-NYC", "SKU-A was not moved: the order was cancelled first");
        stale.allocations.clear(); // the cancel released everything before the correction came back
        send(stale);

        assertThat(decisions()).singleElement().satisfies(d -> {
            assertThat(d.decision).isEqualTo(Decision.ALLOCATED);
            assertThat(units(d)).containsExactly("SKU-A 1@STORE-NYC", "SKU-B 1@WH-EAST");
            assertThat(d.reason).endsWith(" Not corrected: SKU-A was not moved: the order was cancelled first.");
        });
    }

    @Test
    void theRoundSurvivesARestoreAndAnAnswerWithoutARoundIsIgnored() throws Exception {
        open(true);
        send(answer(HoldCorrection.Outcome.APPLIED, "WH-EAST", null));
        assertThat(decisions()).as("no round: nothing to answer").isEmpty();

        sendSplitHolds();
        OperatorSubtaskState snapshot = harness.snapshot(1, 3000);
        harness.close();
        harness = newHarness(true);
        harness.initializeState(snapshot);
        harness.open();
        send(answer(HoldCorrection.Outcome.APPLIED, "WH-EAST", null));

        assertThat(decisions())
                .singleElement()
                .satisfies(d -> assertThat(units(d)).containsExactly("SKU-A 1@WH-EAST", "SKU-B 1@WH-EAST"));
    }

    @Test
    void withoutTheLoopTheLinesArePublishedAsHeld() throws Exception {
        open(false);
        sendSplitHolds();

        assertThat(corrections()).isEmpty();
        assertThat(decisions())
                .singleElement()
                .satisfies(d -> assertThat(units(d)).containsExactly("SKU-A 1@STORE-NYC", "SKU-B 1@WH-EAST"));
    }

    /** SKU-A held at STORE-NYC (ranked first), SKU-B at WH-EAST (STORE-NYC has none): WH-EAST has both. */
    private void sendSplitHolds() throws Exception {
        send(line("SKU-A", "STORE-NYC", Map.of("STORE-NYC", 8L, "WH-EAST", 5L)));
        send(line("SKU-B", "WH-EAST", Map.of("STORE-NYC", 0L, "WH-EAST", 5L)));
    }

    private void open(boolean corrections) throws Exception {
        harness = newHarness(corrections);
        harness.open();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, LineAllocation, OrderAllocation> newHarness(
            boolean corrections) throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(
                        new AllocationAssembler(new DecisionClock(true), Duration.ofDays(30), corrections)),
                l -> l.orderId,
                Types.STRING);
    }

    private void send(LineAllocation line) throws Exception {
        harness.processElement(new StreamRecord<>(line, line.eventTime));
    }

    private static LineAllocation line(String sku, String heldAt, Map<String, Long> free) {
        LineAllocation l = new LineAllocation();
        l.orderId = ORDER;
        l.eventId = DECISION;
        l.channel = "shopify";
        l.sku = sku;
        l.lineCount = 2;
        l.requested = 1;
        l.allocations.add(new Allocation(heldAt, 1));
        l.eventTime = 2000;
        // As the gate sends them: one line of the order carries the evaluation, here not the first by SKU.
        l.route = sku.equals("SKU-B") ? route : RoutePlans.withoutEvaluation(route);
        l.free = new LinkedHashMap<>(free);
        return l;
    }

    private static LineAllocation answer(HoldCorrection.Outcome outcome, String heldAt, String reason) {
        LineAllocation a = new LineAllocation();
        a.orderId = ORDER;
        a.eventId = DECISION;
        a.sku = "SKU-A";
        a.eventTime = 2000;
        a.correction = outcome;
        a.allocations.add(new Allocation(heldAt, 1));
        a.reason = reason;
        return a;
    }

    private List<OrderAllocation> decisions() {
        return harness.extractOutputValues();
    }

    private List<LineCorrection> corrections() {
        var records = harness.getSideOutput(AllocationAssembler.CORRECTIONS);
        return records == null
                ? List.of()
                : records.stream().map(StreamRecord::getValue).toList();
    }

    private static List<String> units(OrderAllocation d) {
        return d.allocations.stream()
                .map((AllocatedUnits u) -> u.sku + " " + u.quantity + "@" + u.location)
                .sorted()
                .toList();
    }
}
