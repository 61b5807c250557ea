package io.stockflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettlementTest {
    private static final long RETENTION = Duration.ofDays(7).toMillis();

    private static LedgerHarness stocked() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 20);
        return h;
    }

    @Test
    void aCancelledOrderIsForgottenOnlyOnceTheRetentionHasPassed() {
        LedgerHarness h = stocked();
        h.reserve("o1", 3);
        long settledAt = h.cancel("o1").settledAt;

        assertThat(h.expireSettled(settledAt + RETENTION - 1)).isZero();
        assertThat(h.hold("o1")).isNotNull();

        assertThat(h.expireSettled(settledAt + RETENTION)).isEqualTo(1);
        assertThat(h.hold("o1")).isNull();
    }

    @Test
    void aFullyShippedOrderIsForgottenOnceTheRetentionHasPassed() {
        LedgerHarness h = stocked();
        h.reserve("o1", 3);
        long settledAt = h.ship("o1", "W1", 3).settledAt;
        assertThat(settledAt).isEqualTo(h.now());

        assertThat(h.expireSettled(settledAt + RETENTION - 1)).isZero();
        assertThat(h.expireSettled(settledAt + RETENTION)).isEqualTo(1);
        assertThat(h.hold("o1")).isNull();
    }

    @Test
    void openReservationsAreNeverForgotten() {
        LedgerHarness h = stocked();
        h.reserve("o1", 3);
        h.reserve("o2", 4);
        h.ship("o2", "W1", 1);
        h.reserve("o3", 40); // partly backordered

        assertThat(h.expireSettled(Long.MAX_VALUE / 2)).isZero();

        assertThat(h.hold("o1").held()).isEqualTo(3);
        assertThat(h.hold("o2").held()).isEqualTo(3);
        assertThat(h.hold("o3").backordered).isPositive();
        assertThat(h.reserved("W1")).isEqualTo(19);
    }

    @Test
    void onlySettledOrdersAreForgottenWhenOthersAreOpen() {
        LedgerHarness h = stocked();
        h.reserve("open", 2);
        h.reserve("cancelled", 2);
        h.cancel("cancelled");
        h.reserve("shipped", 2);
        h.ship("shipped", "W1", 2);

        assertThat(h.expireSettled(h.now() + RETENTION)).isEqualTo(2);

        assertThat(h.hold("open")).isNotNull();
        assertThat(h.hold("cancelled")).isNull();
        assertThat(h.hold("shipped")).isNull();
        assertThat(h.store.holdCount()).isEqualTo(1);
    }

    @Test
    void expiringTouchesNoStock() {
        LedgerHarness h = stocked();
        h.reserve("o1", 3);
        h.cancel("o1");
        String levels = h.levels();

        h.expireSettled(h.now() + RETENTION);

        assertThat(h.levels()).isEqualTo(levels);
    }

    @Test
    void theEffectsCarryTheSettlementOnlyWhenTheOrderSettles() {
        LedgerHarness h = stocked();
        assertThat(h.reserve("o1", 4).settledAt).isZero();
        assertThat(h.ship("o1", "W1", 1).settledAt).isZero();

        LedgerEffects settling = h.ship("o1", "W1", 3);
        assertThat(settling.settledAt).isEqualTo(h.now());

        assertThat(h.ship("o1", "W1", 1).settledAt).isZero();
        assertThat(h.cancel("o1").settledAt).isZero();
        assertThat(h.hold("o1").settledAt).isEqualTo(settling.settledAt);
    }

    @Test
    void anOrderThatIsReopenedIsNoLongerSettled() {
        LedgerHarness h = stocked();
        h.reserve("o1", 2);
        h.ship("o1", "W1", 2);
        assertThat(h.hold("o1").settledAt).isPositive();

        LedgerEffects larger = h.reserve("o1", 5);

        assertThat(larger.settledAt).isZero();
        assertThat(h.hold("o1").settledAt).isZero();
        assertThat(h.hold("o1").held()).isEqualTo(3);
        assertThat(h.expireSettled(Long.MAX_VALUE / 2)).isZero();
    }

    @Test
    void aShipmentBeforeItsOrderSettlesUntilTheOrderArrivesAsking() {
        LedgerHarness h = stocked();
        assertThat(h.ship("o1", "W1", 2).settledAt).isEqualTo(h.now());

        h.reserve("o1", 5);

        assertThat(h.hold("o1").settledAt).isZero();
        assertThat(h.reserved("W1")).isEqualTo(3);
    }

    @Test
    void aLateEventWithinTheRetentionStillFindsTheSettledOrder() {
        LedgerHarness h = stocked();
        h.reserve("o1", 3);
        long settledAt = h.cancel("o1").settledAt;
        h.expireSettled(settledAt + RETENTION - 1);

        LedgerEffects late = h.reserve("o1", 3);

        assertThat(late.availability).isEmpty();
        assertThat(late.line.reason).isEqualTo("the order was cancelled before it was placed");
    }

    @Test
    void anOrderSettledAtEpochZeroStillCountsAsSettled() {
        LedgerHarness h = stocked();
        LedgerCommand cancel =
                LedgerCommand.forOrder(LedgerCommand.Kind.CANCEL, "c-0", "o1", "shopify", LedgerHarness.SKU, 0, 0L);

        LedgerEffects effects = h.apply(cancel);

        assertThat(effects.settledAt).isEqualTo(1);
        assertThat(h.expireSettled(RETENTION)).isZero();
        assertThat(h.expireSettled(RETENTION + 1)).isEqualTo(1);
    }

    @Test
    void theRetentionComesFromThePolicy() {
        LedgerHarness h = new LedgerHarness(new LedgerPolicy(0, 0, Duration.ofHours(1)));
        h.receive("W1", 5);
        long settledAt = h.cancel("o1").settledAt;

        assertThat(h.expireSettled(settledAt + Duration.ofHours(1).toMillis() - 1))
                .isZero();
        assertThat(h.expireSettled(settledAt + Duration.ofHours(1).toMillis())).isEqualTo(1);
    }
}
