package io.stockflow.ledger;

import static io.stockflow.ledger.LedgerHarness.updateFor;
import static io.stockflow.ledger.SkuLedger.ALL_LOCATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SkuLedgerCancelTest {

    private static LedgerHarness stocked() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 5);
        h.receive("W2", 8);
        return h;
    }

    @Test
    void aCancelReleasesEverythingTheOrderHoldsAtEveryLocation() {
        LedgerHarness h = stocked();
        h.reserve("o1", 11); // 8@W2, 3@W1

        LedgerEffects effects = h.cancel("o1");

        assertThat(h.reserved("W1")).isZero();
        assertThat(h.reserved("W2")).isZero();
        assertThat(h.total().reserved).isZero();
        assertThat(h.total().available()).isEqualTo(13);
        assertThat(effects.availability)
                .extracting(u -> u.location)
                .containsExactlyInAnyOrder("W1", "W2", ALL_LOCATIONS);
        assertThat(updateFor(effects, ALL_LOCATIONS).available).isEqualTo(13);
        OrderHold hold = h.hold("o1");
        assertThat(hold.cancelled).isTrue();
        assertThat(hold.holds).isEmpty();
    }

    @Test
    void aCancelReleasesOnlyItsOwnOrder() {
        LedgerHarness h = stocked();
        h.reserve("o1", 4);
        h.reserve("o2", 6);

        h.cancel("o1");

        assertThat(h.total().reserved).isEqualTo(6);
        assertThat(h.hold("o2").held()).isEqualTo(6);
    }

    @Test
    void aCancelClearsTheBackorder() {
        LedgerHarness h = stocked();
        h.reserve("o1", 20);

        h.cancel("o1");

        assertThat(h.hold("o1").backordered).isZero();
        assertThat(h.total().reserved).isZero();
    }

    @Test
    void aCancelSettlesTheOrderAtItsEventTime() {
        LedgerHarness h = stocked();
        h.reserve("o1", 3);

        LedgerEffects effects = h.cancel("o1");

        assertThat(effects.settledAt).isEqualTo(h.now());
        assertThat(h.hold("o1").settledAt).isEqualTo(h.now());
    }

    @Test
    void aRepeatedCancelChangesNothingAndDoesNotSettleAgain() {
        LedgerHarness h = stocked();
        h.reserve("o1", 3);
        LedgerEffects first = h.cancel("o1");

        LedgerEffects second = h.cancel("o1");

        assertThat(second.availability).isEmpty();
        assertThat(second.settledAt).isZero();
        assertThat(h.hold("o1").settledAt).isEqualTo(first.settledAt);
    }

    @Test
    void aCancelBeforeItsReserveLeavesTheSameLedgerAsTheNormalOrder() {
        LedgerHarness normal = stocked();
        normal.reserve("o0", 2);
        normal.reserve("o1", 9);
        normal.cancel("o1");
        normal.reserve("o2", 4);

        LedgerHarness early = stocked();
        early.reserve("o0", 2);
        early.cancel("o1");
        early.reserve("o1", 9);
        early.reserve("o2", 4);

        assertThat(early.levels()).isEqualTo(normal.levels());
        assertThat(early.hold("o1").cancelled).isTrue();
        assertThat(early.hold("o1").held()).isZero();
    }

    @Test
    void theReserveThatArrivesAfterItsCancelReservesNothingAndSaysWhy() {
        LedgerHarness h = stocked();
        h.cancel("o1");

        LedgerEffects late = h.reserve("o1", 4);

        assertThat(late.availability).isEmpty();
        assertThat(late.alerts).isEmpty();
        assertThat(late.line).isNotNull();
        assertThat(late.line.orderId).isEqualTo("o1");
        assertThat(late.line.requested).isEqualTo(4);
        assertThat(late.line.allocations).isEmpty();
        assertThat(late.line.backordered).isZero();
        assertThat(late.line.reason).isEqualTo("the order was cancelled before it was placed");
        assertThat(h.total().reserved).isZero();
    }

    @Test
    void aLateReserveAfterACancelWithoutADecisionHasNoLine() {
        LedgerHarness h = stocked();
        h.cancel("o1");
        LedgerCommand late = h.reserveCommand("o1", 4);
        late.decision = false;

        LedgerEffects effects = h.apply(late);

        assertThat(effects.line).isNull();
        assertThat(effects.availability).isEmpty();
    }

    @Test
    void anUpdateOfACancelledOrderReservesNothing() {
        LedgerHarness h = stocked();
        h.reserve("o1", 4);
        h.cancel("o1");

        LedgerEffects update = h.reserve("o1", 6);

        assertThat(update.availability).isEmpty();
        assertThat(h.total().reserved).isZero();
    }

    @Test
    void aCancelOfAnUnknownOrderIsRememberedWithoutTouchingStock() {
        LedgerHarness h = stocked();
        long version = h.version(ALL_LOCATIONS);

        LedgerEffects effects = h.cancel("o9");

        assertThat(effects.availability).isEmpty();
        assertThat(h.version(ALL_LOCATIONS)).isEqualTo(version);
        assertThat(h.hold("o9").cancelled).isTrue();
        assertThat(h.hold("o9").placed).isFalse();
        assertThat(effects.settledAt).isEqualTo(h.now());
    }
}
