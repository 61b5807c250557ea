package io.stockflow.ledger;

import static io.stockflow.ledger.SkuLedger.ALL_LOCATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SkuLedgerRefundTest {

    /** W1 6, W2 8 on hand. */
    private static LedgerHarness stocked() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 6);
        h.receive("W2", 8);
        return h;
    }

    @Test
    void aRestockingRefundReleasesUnitsThatAreStillHeld() {
        LedgerHarness h = stocked();
        h.reserve("o1", 5); // @W2

        LedgerEffects effects = h.refund("o1", "W1", 2, true);

        assertThat(h.reserved("W2")).isEqualTo(3);
        assertThat(h.onHand("W1")).isEqualTo(6);
        assertThat(h.onHand("W2")).isEqualTo(8);
        assertThat(h.hold("o1").ordered).isEqualTo(3);
        assertThat(effects.settledAt).isZero();
    }

    @Test
    void aRestockingRefundOfEverythingStillHeldSettlesTheOrder() {
        LedgerHarness h = stocked();
        h.reserve("o1", 5);

        LedgerEffects effects = h.refund("o1", null, 5, true);

        assertThat(h.total().reserved).isZero();
        assertThat(h.total().onHand).isEqualTo(14);
        assertThat(effects.settledAt).isEqualTo(h.now());
    }

    @Test
    void aRestockingRefundAfterShipmentReturnsTheUnitsAtTheRefundLocation() {
        LedgerHarness h = stocked();
        h.reserve("o1", 3);
        h.ship("o1", "W2", 3);

        LedgerEffects effects = h.refund("o1", "W1", 2, true);

        assertThat(h.onHand("W1")).isEqualTo(8);
        assertThat(h.onHand("W2")).isEqualTo(5);
        assertThat(h.total().onHand).isEqualTo(13);
        assertThat(effects.availability).extracting(u -> u.location).containsExactlyInAnyOrder("W1", ALL_LOCATIONS);
    }

    @Test
    void aRestockingRefundWithoutALocationReturnsTheUnitsWhereTheOrderLastShipped() {
        LedgerHarness h = stocked();
        h.reserve("o1", 4);
        h.ship("o1", "W2", 2);
        h.ship("o1", "W1", 2);

        h.refund("o1", null, 3, true);

        assertThat(h.onHand("W1")).isEqualTo(6 - 2 + 3);
        assertThat(h.onHand("W2")).isEqualTo(8 - 2);
    }

    @Test
    void aRestockingRefundOfAPartlyShippedOrderReleasesHeldUnitsBeforeReturningAny() {
        LedgerHarness h = stocked();
        h.reserve("o1", 5); // @W2
        h.ship("o1", "W2", 2);

        LedgerEffects effects = h.refund("o1", null, 4, true);

        assertThat(h.reserved("W2")).isZero();
        assertThat(h.onHand("W2")).isEqualTo(8 - 2 + 1);
        assertThat(h.hold("o1").ordered).isEqualTo(2);
        assertThat(effects.settledAt).isEqualTo(h.now());
    }

    @Test
    void aRefundWithoutRestockChangesNothing() {
        LedgerHarness h = stocked();
        h.reserve("o1", 5);
        h.ship("o1", "W2", 2);
        String before = h.levels();
        long version = h.version(ALL_LOCATIONS);

        LedgerEffects effects = h.refund("o1", "W1", 3, false);

        assertThat(effects.availability).isEmpty();
        assertThat(effects.alerts).isEmpty();
        assertThat(effects.settledAt).isZero();
        assertThat(h.levels()).isEqualTo(before);
        assertThat(h.version(ALL_LOCATIONS)).isEqualTo(version);
        assertThat(h.hold("o1").ordered).isEqualTo(5);
        assertThat(h.hold("o1").held()).isEqualTo(3);
    }

    @Test
    void aRestockingRefundOfACancelledOrderReturnsNothingThatNeverShipped() {
        LedgerHarness h = stocked();
        h.reserve("o1", 5);
        h.cancel("o1");

        LedgerEffects effects = h.refund("o1", "W1", 5, true);

        assertThat(effects.availability).isEmpty();
        assertThat(h.total().onHand).isEqualTo(14);
        assertThat(h.total().reserved).isZero();
    }

    @Test
    void aRestockingRefundOfACancelledPartlyShippedOrderReturnsOnlyTheShippedUnits() {
        LedgerHarness h = stocked();
        h.reserve("o1", 5);
        h.ship("o1", "W2", 2);
        h.cancel("o1");

        h.refund("o1", null, 5, true);

        assertThat(h.onHand("W2")).isEqualTo(8);
        assertThat(h.total().onHand).isEqualTo(14);
        assertThat(h.total().reserved).isZero();
    }

    @Test
    void aRestockingRefundOfABackorderedLineReturnsNothingForTheUnitsThatWereNeverThere() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 3);
        h.reserve("o1", 5); // 3 held, 2 backordered

        LedgerEffects effects = h.refund("o1", "W1", 5, true);

        assertThat(h.onHand("W1")).isEqualTo(3);
        assertThat(h.reserved("W1")).isZero();
        assertThat(effects.availability).extracting(u -> u.onHand).containsOnly(3L);
    }

    @Test
    void aRestockingRefundOfUnitsRemovedByASmallerQuantityReturnsNothing() {
        LedgerHarness h = stocked();
        h.reserve("o1", 2);
        h.reserve("o1", 0); // the line was edited away

        LedgerEffects effects = h.refund("o1", "W1", 2, true);

        assertThat(effects.availability).isEmpty();
        assertThat(h.total().onHand).isEqualTo(14);
    }

    @Test
    void aRestockingRefundReturnsAtMostWhatTheOrderShipped() {
        LedgerHarness h = stocked();
        h.reserve("o1", 3);
        h.ship("o1", "W2", 3);

        h.refund("o1", "W2", 5, true);

        assertThat(h.onHand("W2")).isEqualTo(8);
    }

    @Test
    void aRestockingRefundOfAnOrderTheLedgerNoLongerRemembersReturnsEverythingAtTheRefundLocation() {
        LedgerHarness h = stocked();
        h.reserve("o1", 3);
        h.ship("o1", "W2", 3);
        h.expireSettled(h.now() + h.policy.settledRetention.toMillis());
        assertThat(h.hold("o1")).isNull();

        h.refund("o1", "W1", 3, true);

        assertThat(h.onHand("W1")).isEqualTo(9);
        assertThat(h.hold("o1")).isNull();
    }

    @Test
    void aRestockingRefundOfAnUnknownOrderLeavesNoHoldBehind() {
        LedgerHarness h = stocked();

        h.refund("o9", "W1", 2, true);

        assertThat(h.onHand("W1")).isEqualTo(8);
        assertThat(h.hold("o9")).isNull();
        assertThat(h.store.holdCount()).isZero();
    }

    @Test
    void aRestockingRefundWithNoLocationAndNoShipmentReturnsNothing() {
        LedgerHarness h = stocked();

        LedgerEffects effects = h.refund("o9", null, 3, true);

        assertThat(effects.availability).isEmpty();
        assertThat(h.total().onHand).isEqualTo(14);
    }
}
