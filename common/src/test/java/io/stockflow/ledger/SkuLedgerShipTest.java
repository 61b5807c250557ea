package io.stockflow.ledger;

import static io.stockflow.ledger.LedgerHarness.updateFor;
import static io.stockflow.ledger.SkuLedger.ALL_LOCATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SkuLedgerShipTest {

    /** W1 6, W2 8 on hand. */
    private static LedgerHarness stocked() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 6);
        h.receive("W2", 8);
        return h;
    }

    @Test
    void aShipmentConsumesTheReservationAtTheShippingLocationAndTakesItsOnHand() {
        LedgerHarness h = stocked();
        h.reserve("o1", 4); // @W2

        LedgerEffects effects = h.ship("o1", "W2", 4);

        assertThat(h.onHand("W2")).isEqualTo(4);
        assertThat(h.reserved("W2")).isZero();
        assertThat(h.available("W2")).isEqualTo(4);
        assertThat(h.onHand("W1")).isEqualTo(6);
        assertThat(h.total().onHand).isEqualTo(10);
        assertThat(h.total().reserved).isZero();
        assertThat(effects.availability).extracting(u -> u.location).containsExactlyInAnyOrder("W2", ALL_LOCATIONS);
        OrderHold hold = h.hold("o1");
        assertThat(hold.holds).isEmpty();
        assertThat(hold.shipped).isEqualTo(4);
        assertThat(hold.lastShipLocation).isEqualTo("W2");
    }

    @Test
    void aShipmentDoesNotChangeAvailableWhereTheUnitsWereReserved() {
        LedgerHarness h = stocked();
        h.reserve("o1", 4);
        long availableBefore = h.available("W2");

        LedgerEffects effects = h.ship("o1", "W2", 4);

        assertThat(updateFor(effects, "W2").available).isEqualTo(availableBefore);
    }

    @Test
    void aPartialShipmentLeavesTheRestReserved() {
        LedgerHarness h = stocked();
        h.reserve("o1", 5);

        LedgerEffects effects = h.ship("o1", "W2", 2);

        assertThat(h.reserved("W2")).isEqualTo(3);
        assertThat(h.onHand("W2")).isEqualTo(6);
        assertThat(h.hold("o1").holds).containsExactly(new Allocation("W2", 3));
        assertThat(effects.settledAt).isZero();
        assertThat(h.hold("o1").settledAt).isZero();
    }

    @Test
    void aShipmentConsumesAtTheShippingLocationFirstThenElsewhere() {
        LedgerHarness h = stocked();
        h.reserve("o1", 12); // 8@W2, 4@W1

        h.ship("o1", "W1", 6);

        assertThat(h.hold("o1").holds).containsExactly(new Allocation("W2", 6));
        assertThat(h.reserved("W1")).isZero();
        assertThat(h.reserved("W2")).isEqualTo(6);
        assertThat(h.onHand("W1")).isZero();
        assertThat(h.onHand("W2")).isEqualTo(8);
        assertThat(h.total().onHand).isEqualTo(8);
        assertThat(h.total().reserved).isEqualTo(6);
    }

    @Test
    void aShipmentFromALocationThatHoldsNothingConsumesTheHoldWhereItIs() {
        LedgerHarness h = stocked();
        h.reserve("o1", 4); // @W2

        LedgerEffects effects = h.ship("o1", "W1", 4);

        assertThat(h.onHand("W1")).isEqualTo(2);
        assertThat(h.reserved("W1")).isZero();
        assertThat(h.onHand("W2")).isEqualTo(8);
        assertThat(h.reserved("W2")).isZero();
        assertThat(h.hold("o1").holds).isEmpty();
        assertThat(h.hold("o1").lastShipLocation).isEqualTo("W1");
        assertThat(effects.availability)
                .extracting(u -> u.location)
                .containsExactlyInAnyOrder("W1", "W2", ALL_LOCATIONS);
        assertThat(updateFor(effects, ALL_LOCATIONS).onHand).isEqualTo(10);
        assertThat(updateFor(effects, ALL_LOCATIONS).reserved).isZero();
    }

    @Test
    void shippingMoreThanIsHeldConsumesOnlyTheHold() {
        LedgerHarness h = stocked();
        h.reserve("o1", 3); // @W2
        h.reserve("o2", 2); // @W1, which now has the most available

        h.ship("o1", "W2", 5);

        assertThat(h.reserved("W2")).isZero();
        assertThat(h.reserved("W1")).isEqualTo(2);
        assertThat(h.hold("o2").holds).containsExactly(new Allocation("W1", 2));
        assertThat(h.onHand("W2")).isEqualTo(3);
        assertThat(h.total().reserved).isEqualTo(2);
        assertThat(h.hold("o1").shipped).isEqualTo(5);
    }

    @Test
    void aShipmentWithoutAReservationStillTakesTheUnitsFromOnHand() {
        LedgerHarness h = stocked();

        h.ship("o1", "W1", 2);

        assertThat(h.onHand("W1")).isEqualTo(4);
        assertThat(h.total().reserved).isZero();
        assertThat(h.hold("o1").placed).isFalse();
        assertThat(h.hold("o1").shipped).isEqualTo(2);
    }

    @Test
    void aShipmentFromAnUnknownLocationCreatesItWithNegativeOnHand() {
        LedgerHarness h = stocked();
        h.reserve("o1", 3);

        h.ship("o1", "3PL", 3);

        assertThat(h.onHand("3PL")).isEqualTo(-3);
        assertThat(h.available("3PL")).isZero();
        assertThat(h.total().onHand).isEqualTo(11);
        assertThat(h.total().reserved).isZero();
    }

    @Test
    void shipThenReserveEndsInTheSameTotalsAsReserveThenShip() {
        LedgerHarness normal = stocked();
        normal.reserve("o1", 5);
        normal.ship("o1", "W1", 5);

        LedgerHarness early = stocked();
        early.ship("o1", "W1", 5);
        LedgerEffects late = early.reserve("o1", 5);

        assertThat(early.total().onHand).isEqualTo(normal.total().onHand).isEqualTo(9);
        assertThat(early.total().reserved).isEqualTo(normal.total().reserved).isZero();
        assertThat(early.levels()).isEqualTo(normal.levels());
        assertThat(late.alerts).isEmpty();
        assertThat(late.line.backordered).isZero();
    }

    @Test
    void aPartialShipmentBeforeTheReserveLeavesOnlyTheRestReserved() {
        LedgerHarness normal = stocked();
        normal.reserve("o1", 5);
        normal.ship("o1", "W2", 2);

        LedgerHarness early = stocked();
        early.ship("o1", "W2", 2);
        early.reserve("o1", 5);

        assertThat(early.total().onHand).isEqualTo(normal.total().onHand);
        assertThat(early.total().reserved).isEqualTo(normal.total().reserved).isEqualTo(3);
        assertThat(early.hold("o1").settledAt).isZero();
    }

    @Test
    void aFullyShippedOrderSettlesAtTheTimeOfItsLastShipment() {
        LedgerHarness h = stocked();
        h.reserve("o1", 5);
        assertThat(h.ship("o1", "W2", 3).settledAt).isZero();

        LedgerEffects last = h.ship("o1", "W2", 2);

        assertThat(last.settledAt).isEqualTo(h.now());
        assertThat(h.hold("o1").settledAt).isEqualTo(h.now());
    }

    @Test
    void aShipmentClearsTheBackorderItFulfils() {
        LedgerHarness h = stocked();
        h.reserve("o1", 16); // 14 held, 2 backordered
        assertThat(h.hold("o1").backordered).isEqualTo(2);

        h.ship("o1", "W2", 16);

        assertThat(h.hold("o1").backordered).isZero();
        assertThat(h.total().reserved).isZero();
        assertThat(h.onHand("W2")).isEqualTo(-8);
    }

    @Test
    void theLastShipmentLocationIsRemembered() {
        LedgerHarness h = stocked();
        h.reserve("o1", 4);
        h.ship("o1", "W2", 1);
        h.ship("o1", "W1", 1);

        assertThat(h.hold("o1").lastShipLocation).isEqualTo("W1");
    }

    @Test
    void aShipmentOfACancelledOrderTakesStockButReservesNothing() {
        LedgerHarness h = stocked();
        h.reserve("o1", 4);
        h.cancel("o1");

        h.ship("o1", "W2", 4);

        assertThat(h.onHand("W2")).isEqualTo(4);
        assertThat(h.total().reserved).isZero();
    }
}
