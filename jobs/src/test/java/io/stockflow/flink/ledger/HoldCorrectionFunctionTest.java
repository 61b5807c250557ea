package io.stockflow.flink.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.ledger.Allocation;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.ledger.HoldCorrection;
import io.stockflow.ledger.LedgerCommand;
import io.stockflow.ledger.LedgerCommand.Kind;
import io.stockflow.ledger.LedgerPolicy;
import io.stockflow.ledger.LineAllocation;
import io.stockflow.ledger.LineCorrection;
import io.stockflow.ledger.RoutePlan;
import io.stockflow.model.MovementType;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger's half of the correction round: a routed line of a multi-line order is answered with an offer (what every
 * candidate has free for the order), and a correction on the second input is applied all or nothing, published, and
 * answered with its outcome and the holds it left.
 */
class HoldCorrectionFunctionTest {
    private KeyedTwoInputStreamOperatorTestHarness<String, LedgerCommand, LineCorrection, AvailabilityUpdate> harness;

    @BeforeEach
    void open() throws Exception {
        harness = StockLedgerFunctionHarness.of(LedgerPolicy.DEFAULTS);
        harness.open();
        send(LedgerCommand.movement("m1", "SKU", "WH-A", MovementType.RECEIPT, 10, 1000));
        send(LedgerCommand.movement("m2", "SKU", "WH-B", MovementType.RECEIPT, 4, 1000));
        send(reserve("o1", "o1:placed", 3, 2));
        harness.getOutput().clear();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aRoutedLineOfAMultiLineOrderOffersWhatEveryCandidateHasFreeForTheOrder() throws Exception {
        send(reserve("o2", "o2:placed", 2, 2));
        send(reserve("o3", "o3:placed", 1, 1));

        LineAllocation o1 = lines().get(0);
        assertThat(o1.allocations).containsExactly(new Allocation("WH-A", 3));
        assertThat(o1.free)
                .as("its own 3 at WH-A count as free to it")
                .containsExactly(Map.entry("WH-A", 10L), Map.entry("WH-B", 4L));
        assertThat(lines().get(1).free)
                .as("after o1's hold")
                .containsExactly(Map.entry("WH-A", 7L), Map.entry("WH-B", 4L));
        assertThat(lines().get(2).free).as("a one-line order needs no offer").isNull();
    }

    @Test
    void anAppliedCorrectionMovesTheHoldPublishesBothLocationsAndAnswers() throws Exception {
        correct("o1:placed", "WH-B", 3);

        assertThat(harness.extractOutputValues())
                .extracting(u -> u.location + " reserved " + u.reserved)
                .containsExactly("WH-A reserved 0", "WH-B reserved 3");
        LineAllocation answer = lines().get(1);
        assertThat(answer.correction).isEqualTo(HoldCorrection.Outcome.APPLIED);
        assertThat(answer.eventId).isEqualTo("o1:placed");
        assertThat(answer.allocations).containsExactly(new Allocation("WH-B", 3));
        assertThat(answer.reason).isNull();
    }

    @Test
    void aCorrectionATargetCannotCoverIsKeptAndSaysWhy() throws Exception {
        correct("o1:placed", "WH-B", 5);

        assertThat(harness.extractOutputValues()).as("nothing changed").isEmpty();
        LineAllocation answer = lines().get(1);
        assertThat(answer.correction).isEqualTo(HoldCorrection.Outcome.KEPT);
        assertThat(answer.allocations).containsExactly(new Allocation("WH-A", 3));
        assertThat(answer.reason).isEqualTo("SKU stayed at WH-A: WH-B had 4 of 5 free");
    }

    @Test
    void aCorrectionOfADecisionAnUpdateReplacedIsStale() throws Exception {
        LedgerCommand update = reserve("o1", "o1:updated", 4, 2);
        update.decision = false;
        send(update);
        harness.getOutput().clear();

        correct("o1:placed", "WH-B", 3);

        assertThat(harness.extractOutputValues()).isEmpty();
        LineAllocation answer = lines().get(1);
        assertThat(answer.correction).isEqualTo(HoldCorrection.Outcome.STALE);
        assertThat(answer.allocations).as("what the ledger holds now").containsExactly(new Allocation("WH-A", 4));
        assertThat(answer.reason).isEqualTo("SKU was not moved: the order was updated first");
    }

    @Test
    void aCorrectionAfterACancelIsStaleAndReleasesNothingTwice() throws Exception {
        send(LedgerCommand.forOrder(Kind.CANCEL, "o1:cancelled", "o1", "shopify", "SKU", 0, 3000));
        harness.getOutput().clear();

        correct("o1:placed", "WH-B", 3);

        assertThat(harness.extractOutputValues()).isEmpty();
        LineAllocation answer = lines().get(1);
        assertThat(answer.correction).isEqualTo(HoldCorrection.Outcome.STALE);
        assertThat(answer.allocations).isEmpty();
        assertThat(answer.reason).isEqualTo("SKU was not moved: the order was cancelled first");
    }

    @Test
    void aCorrectionAfterAShipmentIsStaleAndReservesNothingThatLeft() throws Exception {
        LedgerCommand ship = LedgerCommand.forOrder(Kind.SHIP, "ful-1", "o1", "shopify", "SKU", 3, 3000);
        ship.location = "WH-A";
        send(ship);
        harness.getOutput().clear();

        correct("o1:placed", "WH-B", 3);

        assertThat(harness.extractOutputValues())
                .as("WH-B reserves nothing for units that left WH-A")
                .isEmpty();
        LineAllocation answer = lines().get(1);
        assertThat(answer.correction).isEqualTo(HoldCorrection.Outcome.STALE);
        assertThat(answer.allocations).isEmpty();
        assertThat(answer.reason).isEqualTo("SKU was not moved: the order shipped first");
    }

    @Test
    void aSkuThePlanBackordersWholeIsReleasedAndStaysOwedUnlessThePlanRejectsTheOrder() throws Exception {
        LineCorrection backorder = new LineCorrection();
        backorder.orderId = "o1";
        backorder.decisionId = "o1:placed";
        backorder.sku = "SKU";
        backorder.candidates.addAll(List.of("WH-A", "WH-B"));
        backorder.eventTime = 2000;
        harness.processElement2(new StreamRecord<>(backorder, backorder.eventTime));

        LineAllocation answer = lines().get(1);
        assertThat(answer.correction).isEqualTo(HoldCorrection.Outcome.APPLIED);
        assertThat(answer.allocations).isEmpty();
        assertThat(answer.backordered)
                .as("still owed: the decision says BACKORDERED, not ALLOCATED")
                .isEqualTo(3);

        send(reserve("o2", "o2:placed", 1, 2));
        LineCorrection reject = new LineCorrection();
        reject.orderId = "o2";
        reject.decisionId = "o2:placed";
        reject.sku = "SKU";
        reject.rejected = true;
        reject.eventTime = 2000;
        harness.processElement2(new StreamRecord<>(reject, reject.eventTime));

        LineAllocation rejected = lines().stream()
                .filter(l -> l.orderId.equals("o2") && l.correction != null)
                .findFirst()
                .orElseThrow();
        assertThat(rejected.allocations).isEmpty();
        assertThat(rejected.backordered).isZero();
    }

    private void correct(String decisionId, String location, long quantity) throws Exception {
        LineCorrection c = new LineCorrection();
        c.orderId = "o1";
        c.decisionId = decisionId;
        c.sku = "SKU";
        c.targets.add(new Allocation(location, quantity));
        c.eventTime = 2000;
        harness.processElement2(new StreamRecord<>(c, c.eventTime));
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

    private static LedgerCommand reserve(String orderId, String eventId, long quantity, int lineCount) {
        LedgerCommand c = LedgerCommand.forOrder(Kind.RESERVE, eventId, orderId, "shopify", "SKU", quantity, 2000);
        c.decision = true;
        c.lineCount = lineCount;
        c.route = new RoutePlan();
        c.route.ruleSetVersion = "v1";
        c.route.candidates.addAll(List.of("WH-A", "WH-B"));
        c.route.maxShipments = 2;
        return c;
    }
}
