package io.stockflow.flink.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.alert.Alert;
import io.stockflow.ledger.Allocation;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.ledger.LedgerCommand;
import io.stockflow.ledger.LedgerCommand.Kind;
import io.stockflow.ledger.LedgerPolicy;
import io.stockflow.ledger.LineAllocation;
import io.stockflow.ledger.LineCorrection;
import io.stockflow.model.MovementType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StockLedgerFunctionTest {
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final LedgerPolicy POLICY = new LedgerPolicy(3, 0, Duration.ofDays(2));

    private KeyedTwoInputStreamOperatorTestHarness<String, LedgerCommand, LineCorrection, AvailabilityUpdate> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, LedgerCommand, LineCorrection, AvailabilityUpdate>
            newHarness() throws Exception {
        return StockLedgerFunctionHarness.of(POLICY);
    }

    @Test
    void publishesTheChangedLocationAndTheTotalForEveryMovement() throws Exception {
        send(receipt("m1", "SKU-1", "WH-A", 10, 1000));
        send(receipt("m2", "SKU-1", "WH-B", 4, 2000));

        assertThat(updates())
                .extracting(u -> u.location + ":" + u.onHand + ":v" + u.version)
                .containsExactly("WH-A:10:v1", "*:10:v1", "WH-B:4:v1", "*:14:v2");
    }

    @Test
    void appliesARepeatedMovementOnce() throws Exception {
        send(receipt("m1", "SKU-1", "WH-A", 10, 1000));
        send(receipt("m1", "SKU-1", "WH-A", 10, 1000));

        assertThat(updates()).extracting(u -> u.location + ":" + u.onHand).containsExactly("WH-A:10", "*:10");
    }

    @Test
    void sendsTheLineDecisionAndTheOversellAlertToSideOutputs() throws Exception {
        send(receipt("m1", "SKU-1", "WH-A", 10, 1000));
        send(reserve("shopify:1", "SKU-1", 12, 2000));

        List<LineAllocation> lines = values(harness.getSideOutput(StockLedgerFunction.LINES));
        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.allocations).containsExactly(new Allocation("WH-A", 10));
            assertThat(l.backordered).isEqualTo(2);
        });
        List<Alert> alerts = values(harness.getSideOutput(StockLedgerFunction.ALERTS));
        assertThat(alerts).extracting(a -> a.type).containsExactlyInAnyOrder("OVERSELL", "LOW_STOCK", "LOW_STOCK");
    }

    @Test
    void aReceiptFillsTheBackordersKeptAcrossARestoreBeforeItsAvailabilityIsPublished() throws Exception {
        send(reserve("shopify:1", "SKU-1", 2, 1000));
        send(reserve("shopify:2", "SKU-1", 2, 2000));
        OperatorSubtaskState snapshot = harness.snapshot(1, 3000);
        harness.close();
        harness = newHarness();
        harness.initializeState(snapshot);
        harness.open();

        send(receipt("m1", "SKU-1", "WH-A", 3, 5000));

        List<LineAllocation> fills = values(harness.getSideOutput(StockLedgerFunction.LINES));
        assertThat(fills).extracting(l -> l.orderId).containsExactly("shopify:1", "shopify:2");
        assertThat(fills.get(0).fill).containsExactly(new Allocation("WH-A", 2));
        assertThat(fills.get(1).fill).containsExactly(new Allocation("WH-A", 1));
        assertThat(fills.get(1).backordered).isEqualTo(1);
        assertThat(fills).extracting(l -> l.filledBy).containsOnly("m1");
        assertThat(updates())
                .as("the receipt's one update has the fills reserved")
                .extracting(u -> u.location + ":" + u.onHand + "/" + u.reserved + "/" + u.available)
                .containsExactly("WH-A:3/3/0", "*:3/3/0");
    }

    @Test
    void forgetsASettledOrderAfterTheRetentionAndKeepsOpenOnes() throws Exception {
        send(receipt("m1", "SKU-1", "WH-A", 10, 0));
        send(reserve("shopify:1", "SKU-1", 1, 1000));
        send(reserve("shopify:2", "SKU-1", 1, 1000));
        send(LedgerCommand.forOrder(Kind.CANCEL, "e-cancel", "shopify:1", "shopify", "SKU-1", 0, 2000));
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        long afterRetention = 2000 + 2 * DAY + 2 * 3600_000L;
        harness.processBothWatermarks(new Watermark(afterRetention));
        assertThat(harness.numEventTimeTimers()).isZero();
        harness.getOutput().clear();

        // The forgotten cancellation no longer blocks a (very late) placement; the open order still holds its unit.
        send(reserve("shopify:1", "SKU-1", 1, afterRetention + 1));
        send(LedgerCommand.forOrder(Kind.CANCEL, "e-cancel-2", "shopify:2", "shopify", "SKU-1", 0, afterRetention + 2));
        assertThat(updates())
                .filteredOn(u -> u.location.equals("WH-A"))
                .extracting(u -> u.reserved)
                .containsExactly(2L, 1L);
    }

    @Test
    void keepsOneExpiryTimerPerSkuAndForgetsEveryOrderDueInOnePassWhenEventTimeJumps() throws Exception {
        long hour = Duration.ofHours(1).toMillis();
        send(receipt("m1", "SKU-1", "WH-A", 10, 0));
        for (int i = 1; i <= 3; i++) send(reserve("shopify:" + i, "SKU-1", 1, 1000));
        // Settled in three different hours: one timer, for the earliest.
        for (int i = 1; i <= 3; i++) send(cancel("shopify:" + i, i * 3 * hour));
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        // Event time jumps past the first two expiries at once: both orders forgotten, one timer left for the third.
        harness.processBothWatermarks(new Watermark(6 * hour + 2 * DAY + 1));
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        harness.getOutput().clear();

        // Forgotten cancellations no longer block a (very late) placement; the remembered one still does.
        long late = 6 * hour + 2 * DAY + 2;
        for (int i = 1; i <= 3; i++) send(reserve("shopify:" + i, "SKU-1", 1, late));
        assertThat(updates())
                .filteredOn(u -> u.location.equals("WH-A"))
                .extracting(u -> u.reserved)
                .containsExactly(1L, 2L);

        harness.processBothWatermarks(new Watermark(9 * hour + 2 * DAY + hour));
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void skusSettledInTheSameHourAreGoneOverAtDifferentMinutesNotAllAtTheHour() throws Exception {
        long minute = Duration.ofMinutes(1).toMillis();
        for (String sku : List.of("SKU-1", "SKU-2")) {
            send(receipt("m-" + sku, sku, "WH-A", 10, 0));
            send(reserve("shopify:" + sku, sku, 1, 1000));
            send(LedgerCommand.forOrder(Kind.CANCEL, "cancel-" + sku, "shopify:" + sku, "shopify", sku, 0, 2000));
        }
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);

        // Minute by minute through the hour after the retention: each SKU's pass comes at a minute of its own.
        List<Integer> passesPerMinute = new ArrayList<>();
        for (long t = 2000 + 2 * DAY; t <= 2000 + 2 * DAY + 61 * minute; t += minute) {
            int before = harness.numEventTimeTimers();
            harness.processBothWatermarks(new Watermark(t));
            passesPerMinute.add(before - harness.numEventTimeTimers());
        }
        assertThat(passesPerMinute).containsOnly(0, 1).filteredOn(n -> n == 1).hasSize(2);
    }

    private static LedgerCommand cancel(String orderId, long time) {
        return LedgerCommand.forOrder(Kind.CANCEL, "cancel-" + orderId, orderId, "shopify", "SKU-1", 0, time);
    }

    @Test
    void restoresItsLedgerFromASnapshot() throws Exception {
        send(receipt("m1", "SKU-1", "WH-A", 10, 1000));
        send(reserve("shopify:1", "SKU-1", 4, 2000));
        OperatorSubtaskState snapshot = harness.snapshot(1, 3000);
        harness.close();

        harness = newHarness();
        harness.initializeState(snapshot);
        harness.open();
        send(LedgerCommand.forOrder(Kind.CANCEL, "e-cancel", "shopify:1", "shopify", "SKU-1", 0, 4000));

        assertThat(updates())
                .extracting(u -> u.location + ":" + u.reserved + ":" + u.available + ":v" + u.version)
                .containsExactly("WH-A:0:10:v3", "*:0:10:v3");
    }

    private void send(LedgerCommand c) throws Exception {
        harness.processElement1(new StreamRecord<>(c, c.eventTime));
    }

    private List<AvailabilityUpdate> updates() {
        return harness.extractOutputValues();
    }

    private static <T> List<T> values(java.util.Collection<StreamRecord<T>> records) {
        return records == null
                ? List.of()
                : records.stream().map(StreamRecord::getValue).collect(Collectors.toList());
    }

    private static LedgerCommand receipt(String id, String sku, String location, long quantity, long time) {
        return LedgerCommand.movement(id, sku, location, MovementType.RECEIPT, quantity, time);
    }

    private static LedgerCommand reserve(String orderId, String sku, long quantity, long time) {
        LedgerCommand c =
                LedgerCommand.forOrder(Kind.RESERVE, orderId + ":placed", orderId, "shopify", sku, quantity, time);
        c.decision = true;
        c.lineCount = 1;
        return c;
    }
}
