package io.stockflow.ledger;

import static io.stockflow.ledger.LedgerHarness.SKU;
import static io.stockflow.ledger.LedgerHarness.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.model.MovementType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A stock COUNT is the position's on-hand as of the count's event time, whatever order the commands arrive in. */
class StockCountAsOfEventTimeTest {
    private static final long MINUTE = 60_000;

    private final LedgerHarness h =
            new LedgerHarness(LedgerHarness.policy(0, 0).withAllowedLateness(Duration.ofHours(1)));

    private static LedgerCommand movement(String id, MovementType type, long quantity, long minute) {
        return LedgerCommand.movement(id, SKU, "W1", type, quantity, T0 + minute * MINUTE);
    }

    private static LedgerCommand ship(String id, String orderId, long quantity, long minute) {
        LedgerCommand c = LedgerCommand.forOrder(
                LedgerCommand.Kind.SHIP, id, orderId, "shopify", SKU, quantity, T0 + minute * MINUTE);
        c.location = "W1";
        return c;
    }

    @Test
    void aReceiptAfterTheCountButArrivingBeforeItStaysOnTopOfTheCountedLevel() {
        h.apply(movement("r1", MovementType.RECEIPT, 10, 0));
        h.apply(movement("r2", MovementType.RECEIPT, 5, 20)); // after the count, arrives first
        h.apply(movement("c1", MovementType.COUNT, 8, 10));

        assertThat(h.onHand("W1")).isEqualTo(13);
        assertThat(h.total().onHand).isEqualTo(13);
    }

    @Test
    void aShipmentBeforeTheCountArrivingAfterItIsAlreadyInTheCountedLevelButStillConsumesItsReservation() {
        h.apply(movement("r1", MovementType.RECEIPT, 10, 0));
        h.apply(reserve("o1", 3, 1));
        h.apply(movement("c1", MovementType.COUNT, 7, 10)); // counted after o1's 3 units left the shelf

        LedgerEffects late = h.apply(ship("s1", "o1", 3, 5));

        assertThat(h.onHand("W1")).isEqualTo(7);
        assertThat(h.reserved("W1")).isZero();
        assertThat(late.changesInCount).isEqualTo(1);
    }

    @Test
    void anOlderCountArrivingAfterANewerOneChangesNothing() {
        h.apply(movement("c2", MovementType.COUNT, 20, 30));
        h.apply(movement("r1", MovementType.RECEIPT, 4, 40));

        h.apply(movement("c1", MovementType.COUNT, 50, 10));

        assertThat(h.onHand("W1")).isEqualTo(24);
    }

    @Test
    void changesOfTheSameMomentAreOrderedAsABoundedRunOrdersThem() {
        // At equal event time movements come before order commands, then by id: a0 is in the count's level, r9 and
        // the shipment come after it.
        h.apply(reserve("o1", 2, 0));
        h.apply(ship("s1", "o1", 2, 10));
        h.apply(movement("r9", MovementType.RECEIPT, 1, 10));
        h.apply(movement("a0", MovementType.RECEIPT, 4, 10));
        h.apply(movement("c5", MovementType.COUNT, 9, 10));

        assertThat(h.onHand("W1")).isEqualTo(9 + 1 - 2);
    }

    @Test
    void aCountOlderThanAChangeTheLedgerNoLongerKeepsIsADeadLetterAndLeavesTheLevel() {
        h.apply(movement("r1", MovementType.RECEIPT, 10, 0));
        h.apply(movement("r2", MovementType.RECEIPT, 5, 30));
        h.apply(movement("r3", MovementType.RECEIPT, 1, 120)); // r2 is now more than an hour behind: forgotten

        LedgerEffects late = h.apply(movement("c1", MovementType.COUNT, 3, 20));

        assertThat(h.onHand("W1")).isEqualTo(16);
        assertThat(late.availability).isEmpty();
        assertThat(late.deadLetters).singleElement().satisfies(d -> {
            assertThat(d.sourceTopic).isEqualTo("inventory.movements");
            assertThat(d.error)
                    .startsWith("COUNT of 3 SKU-1 at W1 as of ")
                    .contains("older than an on-hand change of")
                    .contains("PT1H")
                    .contains("not applied");
            assertThat(d.raw).contains("\"movement_id\":\"c1\"").contains("\"type\":\"COUNT\"");
        });
    }

    @Test
    void aLateCountIsPlacedWhenNothingItCannotSeeHappenedAfterIt() {
        h.apply(movement("r1", MovementType.RECEIPT, 10, 0));
        h.apply(movement("r2", MovementType.RECEIPT, 5, 300)); // r1 forgotten, but it is older than the count

        LedgerEffects effects = h.apply(movement("c1", MovementType.COUNT, 3, 100));

        assertThat(effects.deadLetters).isEmpty();
        assertThat(h.onHand("W1")).isEqualTo(8);
    }

    @Test
    void everyArrivalOrderOfMovementsShipmentsAndCountsEndsInTheEventTimeOrderOnHand() {
        List<LedgerCommand> history = new ArrayList<>();
        history.add(movement("r1", MovementType.RECEIPT, 30, 0));
        history.add(movement("c1", MovementType.COUNT, 25, 5));
        history.add(movement("d1", MovementType.DAMAGED, 2, 7));
        history.add(ship("s1", "o1", 4, 8));
        history.add(movement("a1", MovementType.ADJUSTMENT, -1, 12));
        history.add(movement("c2", MovementType.COUNT, 17, 15));
        history.add(ship("s2", "o2", 3, 16));
        history.add(movement("t1", MovementType.TRANSFER_IN, 6, 20));
        long expected = replayInEventTimeOrder(history);
        assertThat(expected).isEqualTo(17 - 3 + 6);

        Random random = new Random(7);
        for (int run = 0; run < 200; run++) {
            List<LedgerCommand> arrival = new ArrayList<>(history);
            Collections.shuffle(arrival, random);
            LedgerHarness ledger = new LedgerHarness(LedgerHarness.policy(0, 0));
            for (LedgerCommand c : arrival) ledger.apply(copy(c));
            assertThat(ledger.onHand("W1")).as("arrival %s", arrival).isEqualTo(expected);
        }
    }

    private static long replayInEventTimeOrder(List<LedgerCommand> history) {
        List<LedgerCommand> sorted = new ArrayList<>(history);
        sorted.sort((a, b) -> a.eventTime != b.eventTime
                ? Long.compare(a.eventTime, b.eventTime)
                : a.sequenceKey().compareTo(b.sequenceKey()));
        long onHand = 0;
        for (LedgerCommand c : sorted) {
            if (c.kind == LedgerCommand.Kind.SHIP) onHand -= c.quantity;
            else if (c.movementType == MovementType.COUNT) onHand = c.quantity;
            else onHand += c.movementType.sign == MovementType.Sign.NEGATIVE ? -c.quantity : c.quantity;
        }
        return onHand;
    }

    private static LedgerCommand copy(LedgerCommand c) {
        LedgerCommand d = new LedgerCommand();
        d.kind = c.kind;
        d.sku = c.sku;
        d.eventId = c.eventId;
        d.orderId = c.orderId;
        d.channel = c.channel;
        d.location = c.location;
        d.movementType = c.movementType;
        d.quantity = c.quantity;
        d.eventTime = c.eventTime;
        return d;
    }

    private static LedgerCommand reserve(String orderId, long quantity, long minute) {
        LedgerCommand c = LedgerCommand.forOrder(
                LedgerCommand.Kind.RESERVE, "p-" + orderId, orderId, "shopify", SKU, quantity, T0 + minute * MINUTE);
        c.decision = true;
        c.lineCount = 1;
        return c;
    }
}
