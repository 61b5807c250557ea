package io.stockflow.flink.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.allocation.AllocatedUnits;
import io.stockflow.allocation.Decision;
import io.stockflow.allocation.DefaultRules;
import io.stockflow.allocation.OrderAllocation;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.ledger.Allocation;
import io.stockflow.ledger.LineAllocation;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A backorder filled when stock came gives the order its next decision: the last one with the filled SKU as its
 * ledger holds it now, one revision higher; a fill that comes while the order is still being assembled waits for it.
 */
class AllocationAssemblerFillTest {
    private static final String ORDER = "shopify:7";

    private KeyedOneInputStreamOperatorTestHarness<String, LineAllocation, OrderAllocation> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aFilledBackorderGivesTheOrderItsNextDecision() throws Exception {
        send(line("SKU-A", 1, 3, 3, List.of()));
        send(fill("SKU-A", 5000, List.of(new Allocation("WH-EAST", 3)), 0, new Allocation("WH-EAST", 3)));

        List<OrderAllocation> decisions = decisions();
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(0).decision).isEqualTo(Decision.BACKORDERED);
        assertThat(decisions.get(0).revision).isEqualTo(1);
        OrderAllocation next = decisions.get(1);
        assertThat(next.orderId).isEqualTo(ORDER);
        assertThat(next.channel).isEqualTo("shopify");
        assertThat(next.decision).isEqualTo(Decision.ALLOCATED);
        assertThat(next.revision).isEqualTo(2);
        assertThat(next.allocations).containsExactly(new AllocatedUnits("SKU-A", 3, "WH-EAST"));
        assertThat(next.backordered).isEmpty();
        assertThat(next.filled).containsExactly(new AllocatedUnits("SKU-A", 3, "WH-EAST"));
        assertThat(next.ruleSetVersion).isEqualTo(DefaultRules.RULE_SET_VERSION);
        assertThat(next.reason).startsWith("Backorder filled: 3 of SKU-A reserved");
        assertThat(next.eventTime).isEqualTo(5000);
        assertThat(next.decidedAt).as("event time in a replay").isEqualTo(5000);
        assertThat(harness.numKeyedStateEntries())
                .as("nothing kept once nothing is backordered")
                .isZero();
    }

    @Test
    void aPartialFillIsPartialAndTheNextFillAllocatesTheRest() throws Exception {
        send(line("SKU-A", 1, 3, 3, List.of()));
        send(fill("SKU-A", 5000, List.of(new Allocation("WH-EAST", 1)), 2, new Allocation("WH-EAST", 1)));
        send(fill(
                "SKU-A",
                6000,
                List.of(new Allocation("WH-EAST", 1), new Allocation("WH-WEST", 2)),
                0,
                new Allocation("WH-WEST", 2)));

        List<OrderAllocation> decisions = decisions();
        assertThat(decisions)
                .extracting(d -> d.decision, d -> d.revision)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Decision.BACKORDERED, 1),
                        org.assertj.core.groups.Tuple.tuple(Decision.PARTIAL, 2),
                        org.assertj.core.groups.Tuple.tuple(Decision.ALLOCATED, 3));
        assertThat(decisions.get(1).backordered).containsExactly(new AllocatedUnits("SKU-A", 2, null));
        assertThat(decisions.get(2).allocations)
                .containsExactly(new AllocatedUnits("SKU-A", 1, "WH-EAST"), new AllocatedUnits("SKU-A", 2, "WH-WEST"));
        assertThat(decisions.get(2).filled).containsExactly(new AllocatedUnits("SKU-A", 2, "WH-WEST"));
    }

    @Test
    void aFillOfOneLineKeepsTheOtherLinesOfTheDecision() throws Exception {
        send(line("SKU-A", 2, 1, 1, List.of()));
        send(fill("SKU-A", 5000, List.of(new Allocation("WH-EAST", 1)), 0, new Allocation("WH-EAST", 1)));
        assertThat(decisions())
                .as("the fill waits for the order's first decision")
                .isEmpty();

        send(line("SKU-B", 2, 2, 0, List.of(new Allocation("WH-WEST", 2))));

        List<OrderAllocation> decisions = decisions();
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(0).decision).isEqualTo(Decision.PARTIAL);
        OrderAllocation next = decisions.get(1);
        assertThat(next.decision).isEqualTo(Decision.ALLOCATED);
        assertThat(next.revision).isEqualTo(2);
        assertThat(next.allocations)
                .containsExactlyInAnyOrder(
                        new AllocatedUnits("SKU-A", 1, "WH-EAST"), new AllocatedUnits("SKU-B", 2, "WH-WEST"));
    }

    @Test
    void theBackorderedDecisionSurvivesARestore() throws Exception {
        send(line("SKU-A", 1, 2, 2, List.of()));
        OperatorSubtaskState snapshot = harness.snapshot(1, 3000);
        harness.close();
        harness = newHarness();
        harness.initializeState(snapshot);
        harness.open();

        send(fill("SKU-A", 5000, List.of(new Allocation("WH-EAST", 2)), 0, new Allocation("WH-EAST", 2)));

        assertThat(decisions()).singleElement().satisfies(d -> {
            assertThat(d.revision).isEqualTo(2);
            assertThat(d.decision).isEqualTo(Decision.ALLOCATED);
            assertThat(d.reason).doesNotContain("no longer kept");
        });
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, LineAllocation, OrderAllocation> newHarness()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new AllocationAssembler(new DecisionClock(true), Duration.ofDays(30))),
                l -> l.orderId,
                Types.STRING);
    }

    private void send(LineAllocation line) throws Exception {
        harness.processElement(new StreamRecord<>(line, line.eventTime));
    }

    /** A decision line as the ledger sends it on the order's placement (built-in rules). */
    private static LineAllocation line(
            String sku, int lineCount, long requested, long backordered, List<Allocation> held) {
        LineAllocation l = new LineAllocation();
        l.orderId = ORDER;
        l.eventId = ORDER + ":placed";
        l.channel = "shopify";
        l.sku = sku;
        l.lineCount = lineCount;
        l.requested = requested;
        l.allocations.addAll(held);
        l.backordered = backordered;
        if (backordered > 0)
            l.reason = backordered + " of " + sku + " could not be reserved: no location had the stock";
        l.eventTime = 1000;
        return l;
    }

    /** A fill as the ledger sends it: the SKU's holds and backorder after it, and where it reserved now. */
    private static LineAllocation fill(
            String sku, long time, List<Allocation> held, long backordered, Allocation... filled) {
        LineAllocation l = new LineAllocation();
        l.orderId = ORDER;
        l.eventId = ORDER + ":placed";
        l.channel = "shopify";
        l.sku = sku;
        l.requested = 3;
        l.allocations.addAll(held);
        l.backordered = backordered;
        l.eventTime = time;
        l.fill = List.of(filled);
        l.filledBy = "mv-" + time;
        long units = 0;
        for (Allocation a : filled) units += a.quantity;
        l.reason = units + " of " + sku + " reserved for the backorder when stock came (RECEIPT mv-" + time + ")";
        return l;
    }

    private List<OrderAllocation> decisions() {
        return harness.extractOutputValues();
    }
}
