package io.stockflow.ledger;

import static io.stockflow.ledger.LedgerHarness.SKU;
import static io.stockflow.ledger.LedgerHarness.updateFor;
import static io.stockflow.ledger.SkuLedger.ALL_LOCATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.model.MovementType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SkuLedgerMovementTest {

    @Test
    void aReceiptAddsToOnHandAndPublishesTheLocationAndTheTotal() {
        LedgerHarness h = new LedgerHarness();
        LedgerEffects effects = h.receive("W1", 10);

        assertThat(effects.availability).extracting(u -> u.location).containsExactly("W1", ALL_LOCATIONS);
        for (AvailabilityUpdate u : effects.availability) {
            assertThat(u.sku).isEqualTo(SKU);
            assertThat(u.onHand).isEqualTo(10);
            assertThat(u.reserved).isZero();
            assertThat(u.safetyStock).isZero();
            assertThat(u.available).isEqualTo(10);
            assertThat(u.version).isEqualTo(1);
            assertThat(u.asOf).isEqualTo(h.now());
        }
        assertThat(effects.alerts).isEmpty();
        assertThat(effects.line).isNull();
        assertThat(effects.settledAt).isZero();
    }

    @ParameterizedTest(name = "{0} {1} on 10 on hand leaves {2}")
    @CsvSource({
        "RECEIPT, 4, 14",
        "TRANSFER_IN, 4, 14",
        "RETURN_RESTOCK, 4, 14",
        "TRANSFER_OUT, 4, 6",
        "DAMAGED, 4, 6",
        "ADJUSTMENT, 4, 14",
        "ADJUSTMENT, -4, 6",
        "COUNT, 4, 4",
        "COUNT, 25, 25",
        "COUNT, 0, 0",
    })
    void eachMovementTypeMovesOnHandBySignOrSetsItAbsolutely(MovementType type, long quantity, long expectedOnHand) {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 10);

        LedgerEffects effects = h.move("W1", type, quantity);

        assertThat(h.onHand("W1")).isEqualTo(expectedOnHand);
        assertThat(h.total().onHand).isEqualTo(expectedOnHand);
        assertThat(updateFor(effects, "W1").onHand).isEqualTo(expectedOnHand);
        assertThat(updateFor(effects, ALL_LOCATIONS).onHand).isEqualTo(expectedOnHand);
    }

    @ParameterizedTest
    @EnumSource(MovementType.class)
    void everyMovementTypeIsAppliedAccordingToItsSign(MovementType type) {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 10);

        h.move("W1", type, 3);

        long expected;
        switch (type.sign) {
            case POSITIVE:
                expected = 13;
                break;
            case NEGATIVE:
                expected = 7;
                break;
            case SIGNED:
                expected = 13;
                break;
            case ABSOLUTE:
                expected = 3;
                break;
            default:
                throw new AssertionError(type);
        }
        assertThat(h.onHand("W1")).isEqualTo(expected);
        assertThat(h.version("W1")).isEqualTo(2);
    }

    @Test
    void aCountSetsOnHandAbsolutelyWhateverTheLedgerHadBefore() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 10);
        h.move("W1", MovementType.DAMAGED, 2);
        h.move("W1", MovementType.ADJUSTMENT, 5);

        h.move("W1", MovementType.COUNT, 7);

        assertThat(h.onHand("W1")).isEqualTo(7);
        assertThat(h.total().onHand).isEqualTo(7);
    }

    @Test
    void aCountAtOneLocationMovesTheTotalByTheDifferenceOnly() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 10);
        h.receive("W2", 4);

        h.move("W2", MovementType.COUNT, 1);

        assertThat(h.onHand("W1")).isEqualTo(10);
        assertThat(h.onHand("W2")).isEqualTo(1);
        assertThat(h.total().onHand).isEqualTo(11);
    }

    @Test
    void aCountBelowWhatIsReservedKeepsTheReservationAndShowsNothingAvailable() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 10);
        h.reserve("o1", 8);

        LedgerEffects effects = h.move("W1", MovementType.COUNT, 5);

        AvailabilityUpdate w1 = updateFor(effects, "W1");
        assertThat(w1.onHand).isEqualTo(5);
        assertThat(w1.reserved).isEqualTo(8);
        assertThat(w1.available).isZero();
        assertThat(h.hold("o1").held()).isEqualTo(8);
    }

    @Test
    void availableIsOnHandLessReservedLessSafetyStockAndNeverNegative() {
        LedgerHarness h = new LedgerHarness(LedgerHarness.policy(0, 2));

        LedgerEffects received = h.receive("W1", 10);
        assertThat(updateFor(received, "W1").safetyStock).isEqualTo(2);
        assertThat(updateFor(received, "W1").available).isEqualTo(8);

        h.reserve("o1", 5);
        assertThat(h.available("W1")).isEqualTo(3);

        LedgerEffects damaged = h.move("W1", MovementType.DAMAGED, 6);
        AvailabilityUpdate w1 = updateFor(damaged, "W1");
        assertThat(w1.onHand).isEqualTo(4);
        assertThat(w1.reserved).isEqualTo(5);
        assertThat(w1.available).isZero();
        assertThat(updateFor(damaged, ALL_LOCATIONS).available).isZero();
    }

    @Test
    void negativeOnHandShowsZeroAvailable() {
        LedgerHarness h = new LedgerHarness();
        LedgerEffects effects = h.move("W1", MovementType.ADJUSTMENT, -3);

        assertThat(updateFor(effects, "W1").onHand).isEqualTo(-3);
        assertThat(updateFor(effects, "W1").available).isZero();
        assertThat(updateFor(effects, ALL_LOCATIONS).available).isZero();
    }

    @Test
    void theSafetyStockOfEveryLocationCountsInTheTotal() {
        LedgerHarness h = new LedgerHarness(LedgerHarness.policy(0, 2));
        h.receive("W1", 10);
        LedgerEffects effects = h.receive("W2", 10);

        AvailabilityUpdate total = updateFor(effects, ALL_LOCATIONS);
        assertThat(total.onHand).isEqualTo(20);
        assertThat(total.safetyStock).isEqualTo(4);
        assertThat(total.available).isEqualTo(16);
        assertThat(h.total().safetyStock).isEqualTo(4);
    }

    @Test
    void versionsRiseByOnePerChangeAtEachLocationAndForTheTotal() {
        LedgerHarness h = new LedgerHarness();

        LedgerEffects first = h.receive("W1", 5);
        assertThat(updateFor(first, "W1").version).isEqualTo(1);
        assertThat(updateFor(first, ALL_LOCATIONS).version).isEqualTo(1);

        LedgerEffects second = h.receive("W2", 5);
        assertThat(updateFor(second, "W2").version).isEqualTo(1);
        assertThat(updateFor(second, ALL_LOCATIONS).version).isEqualTo(2);
        assertThat(second.availability).extracting(u -> u.location).doesNotContain("W1");

        LedgerEffects third = h.move("W1", MovementType.DAMAGED, 1);
        assertThat(updateFor(third, "W1").version).isEqualTo(2);
        assertThat(updateFor(third, ALL_LOCATIONS).version).isEqualTo(3);

        LedgerEffects reserved = h.reserve("o1", 2);
        assertThat(reserved.availability).hasSize(2);
        assertThat(updateFor(reserved, "W2").version).isEqualTo(2);
        assertThat(updateFor(reserved, ALL_LOCATIONS).version).isEqualTo(4);

        assertThat(h.version("W1")).isEqualTo(2);
        assertThat(h.version("W2")).isEqualTo(2);
        assertThat(h.version(ALL_LOCATIONS)).isEqualTo(4);
    }

    @Test
    void aCommandThatChangesTwoLocationsRaisesTheTotalVersionOnce() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 4);
        h.receive("W2", 4);
        long totalVersion = h.version(ALL_LOCATIONS);

        LedgerEffects effects = h.reserve("o1", 6);

        assertThat(effects.availability)
                .extracting(u -> u.location)
                .containsExactlyInAnyOrder("W1", "W2", ALL_LOCATIONS);
        assertThat(updateFor(effects, ALL_LOCATIONS).version).isEqualTo(totalVersion + 1);
    }

    @Test
    void asOfIsTheEventTimeOfTheLastChange() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 5);
        long firstTime = h.now();
        h.receive("W2", 5);

        assertThat(h.position("W1").asOf).isEqualTo(firstTime);
        assertThat(h.position("W2").asOf).isEqualTo(h.now());
        assertThat(h.total().asOf).isEqualTo(h.now());
    }

    @Test
    void theTotalIsTheSumOfTheLocations() {
        LedgerHarness h = new LedgerHarness(LedgerHarness.policy(0, 1));
        h.receive("W1", 10);
        h.receive("W2", 7);
        h.move("W3", MovementType.TRANSFER_IN, 3);
        h.move("W1", MovementType.TRANSFER_OUT, 3);
        h.reserve("o1", 9);
        h.move("W2", MovementType.COUNT, 4);
        h.ship("o1", "W3", 2);

        Position total = h.total();
        long onHand = 0, reserved = 0, safety = 0;
        for (String location : h.store.locations()) {
            onHand += h.onHand(location);
            reserved += h.reserved(location);
            safety += h.position(location).safetyStock;
        }
        assertThat(total.onHand).isEqualTo(onHand);
        assertThat(total.reserved).isEqualTo(reserved);
        assertThat(total.safetyStock).isEqualTo(safety);
        assertThat(total.available()).isEqualTo(Math.max(0, onHand - reserved - safety));
    }

    @Test
    void noUpdateIsPublishedWhenNothingChanged() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 10);
        h.reserve("o1", 3);
        long w1 = h.version("W1");
        long total = h.version(ALL_LOCATIONS);

        assertThat(h.move("W1", MovementType.ADJUSTMENT, 0).availability).isEmpty();
        assertThat(h.move("W1", MovementType.RECEIPT, 0).availability).isEmpty();
        assertThat(h.move("W1", MovementType.COUNT, 10).availability).isEmpty();
        assertThat(h.reserve("o1", 3).availability).isEmpty();
        assertThat(h.refund("o1", "W1", 3, false).availability).isEmpty();

        assertThat(h.version("W1")).isEqualTo(w1);
        assertThat(h.version(ALL_LOCATIONS)).isEqualTo(total);
    }

    @Test
    void aCommandThatChangesNothingLeavesNoPositionBehind() {
        LedgerHarness h = new LedgerHarness();

        LedgerEffects effects = h.move("W9", MovementType.ADJUSTMENT, 0);

        assertThat(effects.availability).isEmpty();
        assertThat(h.position("W9")).isNull();
        assertThat(h.total()).isNull();
    }
}
