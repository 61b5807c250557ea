package io.stockflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A location whose stock the marketplace holds (Amazon FBA): only its own orders, pinned to it, take units there. */
class MarketplaceHeldStockTest {
    private static LedgerHarness stocked() {
        LedgerHarness h = new LedgerHarness(new LedgerPolicy(0, 0, Duration.ofDays(7), List.of("FBA-DE")));
        h.receive("W1", 4);
        h.receive("FBA-DE", 20);
        return h;
    }

    private static LedgerEffects reserveAt(LedgerHarness h, String orderId, long quantity, String location) {
        LedgerCommand c = h.reserveCommand(orderId, quantity);
        c.location = location;
        return h.apply(c);
    }

    @Test
    void theShopsOrdersNeverTakeMarketplaceHeldUnits() {
        LedgerHarness h = stocked();

        LedgerEffects effects = h.reserve("o1", 6);

        assertThat(h.reserved("W1")).isEqualTo(4);
        assertThat(h.reserved("FBA-DE")).isZero();
        assertThat(h.hold("o1").backordered).isEqualTo(2);
        assertThat(effects.alerts)
                .as("units only the marketplace can ship do not save the shop's order from an oversell")
                .extracting(a -> a.type)
                .containsExactly("OVERSELL");
    }

    @Test
    void backordersAreFilledOnlyFromTheStockTheirOrdersMayTake() {
        LedgerHarness h = stocked();
        h.reserve("shop", 6); // 4 at W1, 2 backordered
        reserveAt(h, "fba", 22, "FBA-DE"); // 20 at FBA-DE, 2 backordered

        LedgerEffects atMarketplace = h.receive("FBA-DE", 5);
        assertThat(atMarketplace.fills).extracting(l -> l.orderId).containsExactly("fba");
        assertThat(h.hold("fba").holds).containsExactly(new Allocation("FBA-DE", 22));
        assertThat(h.hold("shop").backordered)
                .as("the shop's order never takes marketplace-held units")
                .isEqualTo(2);

        LedgerEffects atShop = h.receive("W1", 2);
        assertThat(atShop.fills).extracting(l -> l.orderId).containsExactly("shop");
        assertThat(h.hold("shop").holds).containsExactly(new Allocation("W1", 6));
    }

    @Test
    void aPinnedOrderIsHeldOnlyAtItsLocation() {
        LedgerHarness h = stocked();

        reserveAt(h, "amazon-1", 3, "FBA-DE");

        assertThat(h.reserved("FBA-DE")).isEqualTo(3);
        assertThat(h.reserved("W1")).isZero();
        assertThat(h.hold("amazon-1").backordered).isZero();
    }

    @Test
    void aPinnedOrderTheLocationCannotCoverIsBackorderedThereNotElsewhere() {
        LedgerHarness h = stocked();

        LedgerEffects effects = reserveAt(h, "amazon-2", 25, "FBA-DE");

        assertThat(h.reserved("FBA-DE")).isEqualTo(20);
        assertThat(h.reserved("W1")).isZero();
        assertThat(h.hold("amazon-2").backordered).isEqualTo(5);
        assertThat(effects.line.backordered).isEqualTo(5);
    }

    @Test
    void aPinnedOrderShippedAndReturnedMovesOnlyItsLocation() {
        LedgerHarness h = stocked();
        reserveAt(h, "amazon-3", 2, "FBA-DE");

        h.ship("amazon-3", "FBA-DE", 2);
        h.refund("amazon-3", "FBA-DE", 1, true);

        assertThat(h.onHand("FBA-DE")).isEqualTo(19);
        assertThat(h.reserved("FBA-DE")).isZero();
        assertThat(h.onHand("W1")).isEqualTo(4);
    }
}
