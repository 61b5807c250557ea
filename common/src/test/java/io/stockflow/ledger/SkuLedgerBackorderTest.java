package io.stockflow.ledger;

import static io.stockflow.ledger.LedgerHarness.alertsOfType;
import static io.stockflow.ledger.LedgerHarness.updateFor;
import static io.stockflow.ledger.SkuLedger.ALL_LOCATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.alert.Alert;
import io.stockflow.model.MovementType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Backordered orders wait in the SKU's queue and are filled first, oldest order first, when stock comes. */
class SkuLedgerBackorderTest {

    /** o1 (3), o2 (2) and o3 (1) ordered in that order with nothing in stock: all backordered. */
    private static LedgerHarness threeBackorders() {
        LedgerHarness h = new LedgerHarness();
        h.reserve("o1", 3);
        h.reserve("o2", 2);
        h.reserve("o3", 1);
        return h;
    }

    @Test
    void aReceiptFillsBackordersOldestOrderFirstAndPartlyWhereItRunsOut() {
        LedgerHarness h = threeBackorders();

        LedgerEffects effects = h.receive("W1", 4);

        assertThat(effects.fills).extracting(l -> l.orderId).containsExactly("o1", "o2");
        LineAllocation first = effects.fills.get(0);
        assertThat(first.fill).containsExactly(new Allocation("W1", 3));
        assertThat(first.allocations).containsExactly(new Allocation("W1", 3));
        assertThat(first.backordered).isZero();
        assertThat(first.filledBy).isEqualTo("m-4");
        assertThat(first.reason).contains("3 of SKU-1 reserved for the backorder", "RECEIPT m-4 at W1");
        LineAllocation partial = effects.fills.get(1);
        assertThat(partial.fill).containsExactly(new Allocation("W1", 1));
        assertThat(partial.backordered).isEqualTo(1);
        assertThat(partial.reason).endsWith("1 still backordered");
        assertThat(h.hold("o1").backordered).isZero();
        assertThat(h.hold("o2").backordered).isEqualTo(1);
        assertThat(h.hold("o3").backordered).isEqualTo(1);
        assertThat(h.store.waiting())
                .as("a partly filled order keeps its place")
                .containsExactly("o2", "o3");
    }

    @Test
    void theAvailabilityPublishedAfterTheReceiptAlreadyHasTheFillsReserved() {
        LedgerHarness h = threeBackorders();

        LedgerEffects effects = h.receive("W1", 10);

        AvailabilityUpdate w1 = updateFor(effects, "W1");
        assertThat(w1.onHand).isEqualTo(10);
        assertThat(w1.reserved).isEqualTo(6);
        assertThat(w1.available).isEqualTo(4);
        assertThat(w1.version).as("one update for the receipt and its fills").isEqualTo(1);
        assertThat(updateFor(effects, ALL_LOCATIONS).available).isEqualTo(4);
        assertThat(effects.availability).hasSize(2);
        assertThat(h.store.waiting()).isEmpty();
    }

    @Test
    void theNextReceiptGoesOnWhereThePartialFillStopped() {
        LedgerHarness h = threeBackorders();
        h.receive("W1", 4);

        LedgerEffects effects = h.receive("W2", 5);

        assertThat(effects.fills).extracting(l -> l.orderId).containsExactly("o2", "o3");
        assertThat(h.hold("o2").holds).containsExactly(new Allocation("W1", 1), new Allocation("W2", 1));
        assertThat(h.hold("o3").holds).containsExactly(new Allocation("W2", 1));
        assertThat(h.available("W2")).isEqualTo(3);
    }

    @Test
    void ordersAreFilledInOrderTimeNotInTheOrderTheyReachedTheLedger() {
        LedgerHarness h = new LedgerHarness();
        h.reserve("late", 1);
        LedgerCommand earlier = h.reserveCommand("early", 1);
        earlier.eventTime = LedgerHarness.T0 - 60_000; // placed a minute before "late", delivered after it
        h.apply(earlier);

        LedgerEffects effects = h.receive("W1", 1);

        assertThat(effects.fills).extracting(l -> l.orderId).containsExactly("early");
        assertThat(h.hold("late").backordered).isEqualTo(1);
    }

    @Test
    void aCancelledBackorderIsDroppedAndNotFilled() {
        LedgerHarness h = threeBackorders();
        h.cancel("o1");

        LedgerEffects effects = h.receive("W1", 3);

        assertThat(effects.fills).extracting(l -> l.orderId).containsExactly("o2", "o3");
        assertThat(h.hold("o1").holds).isEmpty();
        assertThat(h.store.waiting()).isEmpty();
    }

    @Test
    void aCountThatRaisesTheLevelFillsAndOneThatLowersItDoesNot() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 2);
        h.reserve("o1", 4); // 2 held, 2 backordered

        LedgerEffects down = h.move("W1", MovementType.COUNT, 1);
        assertThat(down.fills).isEmpty();

        LedgerEffects up = h.move("W1", MovementType.COUNT, 6);

        assertThat(up.fills).hasSize(1);
        assertThat(up.fills.get(0).fill).containsExactly(new Allocation("W1", 2));
        assertThat(h.hold("o1").holds).containsExactly(new Allocation("W1", 4));
        assertThat(updateFor(up, "W1").reserved).isEqualTo(4);
        assertThat(updateFor(up, "W1").available).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(
            value = MovementType.class,
            names = {"RECEIPT", "TRANSFER_IN", "RETURN_RESTOCK", "ADJUSTMENT"})
    void everyMovementThatBringsStockFills(MovementType type) {
        LedgerHarness h = new LedgerHarness();
        h.reserve("o1", 2);

        LedgerEffects effects = h.move("W1", type, 2);

        assertThat(effects.fills).extracting(l -> l.orderId).containsExactly("o1");
        assertThat(h.hold("o1").backordered).isZero();
    }

    @Test
    void unitsACancellationReleasesGoToTheOldestBackorder() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 2);
        h.reserve("o1", 2);
        h.reserve("o2", 2); // backordered

        LedgerEffects effects = h.cancel("o1");

        assertThat(effects.fills).extracting(l -> l.orderId).containsExactly("o2");
        assertThat(h.reserved("W1")).isEqualTo(2);
        assertThat(effects.availability)
                .as("the release and the fill cancel out: nothing changed")
                .isEmpty();
    }

    @Test
    void aShipmentOrAnUpdateThatLeavesNothingBackorderedLeavesTheQueue() {
        LedgerHarness h = new LedgerHarness();
        h.reserve("o1", 3);
        h.reserve("o2", 3);
        h.reserve("o1", 0); // the line was edited away

        assertThat(h.store.waiting()).containsExactly("o2");
        LedgerEffects effects = h.receive("W1", 3);
        assertThat(effects.fills).extracting(l -> l.orderId).containsExactly("o2");
    }

    @Test
    void aBackorderIsFilledOnlyWhereItsRuleSetAllows() {
        LedgerHarness h = new LedgerHarness();
        LedgerCommand routed = h.reserveCommand("o1", 2);
        routed.route = new RoutePlan();
        routed.route.ruleSetVersion = "r1";
        routed.route.candidates.add("W2");
        h.apply(routed);

        assertThat(h.receive("W1", 5).fills).as("W1 is not a candidate").isEmpty();
        LedgerEffects atW2 = h.receive("W2", 1);

        assertThat(atW2.fills).hasSize(1);
        assertThat(atW2.fills.get(0).fill).containsExactly(new Allocation("W2", 1));
        assertThat(atW2.fills.get(0).route.ruleSetVersion).isEqualTo("r1");
        assertThat(h.hold("o1").backordered).isEqualTo(1);
    }

    @Test
    void anOrderItsRuleRefusedForWantOfStockDoesNotWait() {
        LedgerHarness h = new LedgerHarness();
        LedgerCommand refused = h.reserveCommand("o1", 2);
        refused.route = new RoutePlan();
        refused.route.candidates.add("W1");
        refused.route.allowBackorder = false;
        h.apply(refused);

        assertThat(h.store.waiting()).isEmpty();
        assertThat(h.receive("W1", 5).fills).isEmpty();
    }

    @Test
    void aFullQueueTurnsLinesAwayWithOneAlertPerEpisode() {
        LedgerHarness h = new LedgerHarness(new LedgerPolicy(0, 0, Duration.ofDays(7), 2));
        h.reserve("o1", 1);
        h.reserve("o2", 1);

        LedgerEffects third = h.reserve("o3", 1);
        LedgerEffects fourth = h.reserve("o4", 1);

        List<Alert> full = alertsOfType(third, "BACKORDER_QUEUE_FULL");
        assertThat(full).hasSize(1);
        assertThat(full.get(0).observed).isEqualTo(2.0);
        assertThat(full.get(0).expected).isEqualTo(2.0);
        assertThat(full.get(0).sku).isEqualTo("SKU-1");
        assertThat(full.get(0).message).contains("2 orders already wait for SKU-1");
        assertThat(third.line.reason).contains("not queued to be filled: 2 orders already wait for SKU-1");
        assertThat(alertsOfType(fourth, "BACKORDER_QUEUE_FULL"))
                .as("the same episode")
                .isEmpty();
        assertThat(h.store.waiting()).containsExactly("o1", "o2");

        h.receive("W1", 1); // o1 filled: the queue has room again
        assertThat(h.reserve("o5", 1).alerts).extracting(a -> a.type).doesNotContain("BACKORDER_QUEUE_FULL");
        LedgerEffects again = h.reserve("o6", 1);
        assertThat(alertsOfType(again, "BACKORDER_QUEUE_FULL"))
                .as("a new episode")
                .hasSize(1);
    }

    @Test
    void aRestockingRefundOfTheBackorderedUnitsTakesTheOrderOutOfTheQueue() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 1);
        h.reserve("o1", 3); // 1 held, 2 backordered
        h.reserve("o2", 1); // backordered

        LedgerEffects effects = h.refund("o1", "W1", 3, true);

        assertThat(h.hold("o1").backordered).isZero();
        assertThat(effects.fills)
                .as("the released unit goes to o2")
                .extracting(l -> l.orderId)
                .containsExactly("o2");
        assertThat(h.store.waiting()).isEmpty();
    }
}
