package io.stockflow.flink.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.ledger.LedgerCommand;
import io.stockflow.ledger.LedgerCommand.Kind;
import io.stockflow.ledger.LedgerPolicy;
import io.stockflow.ledger.LineAllocation;
import io.stockflow.ledger.LineCorrection;
import io.stockflow.ledger.RoutePlan;
import io.stockflow.model.MovementType;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger function deciding lines under a rule set's ranking: its holds, the line it reports, its availability. */
class RankedHoldsFunctionTest {
    private KeyedTwoInputStreamOperatorTestHarness<String, LedgerCommand, LineCorrection, AvailabilityUpdate> harness;

    @BeforeEach
    void open() throws Exception {
        harness = StockLedgerFunctionHarness.of(LedgerPolicy.DEFAULTS);
        harness.open();
        send(LedgerCommand.movement("m1", "SKU", "WH-A", MovementType.RECEIPT, 10, 1000));
        send(LedgerCommand.movement("m2", "SKU", "WH-B", MovementType.RECEIPT, 4, 1000));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void reservesStockAtTheFirstRankedLocationWithEnoughAvailable() throws Exception {
        send(reserve("o1", 3, "WH-B", "WH-A"));
        send(reserve("o2", 3, "WH-B", "WH-A"));

        assertThat(lines()).extracting(LineAllocation::toString).containsExactly("o1 SKU [3@WH-B]", "o2 SKU [3@WH-A]");
        assertThat(lines()).allSatisfy(l -> assertThat(l.route.ruleSetVersion).isEqualTo("v1"));
    }

    @Test
    void theBuiltInAllocatorWouldHavePickedTheFullestLocation() throws Exception {
        LedgerCommand c = reserve("o1", 3, "WH-B", "WH-A");
        c.route = null;
        send(c);

        assertThat(lines()).extracting(LineAllocation::toString).containsExactly("o1 SKU [3@WH-A]");
    }

    @Test
    void racingOrdersNeverReserveMoreThanIsAvailable() throws Exception {
        for (int i = 0; i < 20; i++) send(reserve("o" + i, 1, "WH-B", "WH-A"));

        long reserved = lines().stream()
                .flatMap(l -> l.allocations.stream())
                .mapToLong(a -> a.quantity)
                .sum();
        assertThat(reserved).isEqualTo(14);
        assertThat(lines()).filteredOn(l -> l.backordered > 0).hasSize(6);
        List<AvailabilityUpdate> updates = harness.extractOutputValues();
        assertThat(updates).allSatisfy(u -> assertThat(u.reserved).isLessThanOrEqualTo(u.onHand));
    }

    private void send(LedgerCommand c) throws Exception {
        harness.processElement1(new StreamRecord<>(c, c.eventTime));
    }

    private List<LineAllocation> lines() {
        var records = harness.getSideOutput(StockLedgerFunction.LINES);
        return records == null
                ? List.of()
                : records.stream().map(StreamRecord::getValue).toList();
    }

    private static LedgerCommand reserve(String orderId, long quantity, String... ranked) {
        LedgerCommand c =
                LedgerCommand.forOrder(Kind.RESERVE, orderId + ":placed", orderId, "shopify", "SKU", quantity, 2000);
        c.decision = true;
        c.lineCount = 1;
        c.route = new RoutePlan();
        c.route.ruleSetVersion = "v1";
        c.route.candidates.addAll(List.of(ranked));
        c.route.maxShipments = 2;
        return c;
    }
}
