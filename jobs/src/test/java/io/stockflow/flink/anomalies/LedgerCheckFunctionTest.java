package io.stockflow.flink.anomalies;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.alert.Alert;
import io.stockflow.anomalies.StockSignal;
import io.stockflow.anomaly.LedgerTolerance;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.model.Movement;
import io.stockflow.model.MovementType;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LedgerCheckFunctionTest {
    private KeyedOneInputStreamOperatorTestHarness<String, StockSignal, Alert> harness;

    private void open(boolean replay) throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(
                        new LedgerCheckFunction(LedgerTolerance.DEFAULT, replay, new DecisionClock(true))),
                StockSignal::skuAtLocation,
                Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) harness.close();
    }

    static StockSignal onHand(long at, long onHand, long version) {
        AvailabilityUpdate u = new AvailabilityUpdate();
        u.sku = "SKU-1";
        u.location = "WH-EAST";
        u.onHand = onHand;
        u.available = onHand;
        u.version = version;
        u.asOf = at;
        return StockSignal.of(u);
    }

    static StockSignal count(long at, long units) {
        return StockSignal.count(new Movement("CNT-" + at, "SKU-1", "WH-EAST", MovementType.COUNT, units, at));
    }

    private void send(StockSignal s) throws Exception {
        harness.processElement(new StreamRecord<>(s, s.eventTime()));
    }

    @Test
    void liveACountWaitsForTheWatermarkAndMeetsTheLedgerAsItWasBefore() throws Exception {
        open(false);
        send(onHand(1_000, 100, 1));
        send(onHand(2_000, 98, 2));
        // The count's own update (on hand 60, same instant) overtakes the count itself.
        send(onHand(3_000, 60, 3));
        send(count(3_000, 60));
        assertThat(harness.extractOutputValues())
                .as("held until event time passes it")
                .isEmpty();
        harness.processWatermark(3_000);
        assertThat(harness.extractOutputValues()).singleElement().satisfies(a -> {
            assertThat(a.type).isEqualTo("LEDGER_MISMATCH");
            assertThat(a.observed).isEqualTo(60.0);
            assertThat(a.expected).isEqualTo(98.0);
            assertThat(a.message)
                    .isEqualTo("SKU-1 at WH-EAST: a count found 60 units where the ledger had 98 "
                            + "(-38, tolerance 5): shrinkage or missed events");
            assertThat(a.evidenceJson).contains("\"movement_id\":\"CNT-3000\"");
        });
        assertThat(harness.numKeyedStateEntries())
                .as("the ledger, no waiting count")
                .isEqualTo(1);
    }

    @Test
    void aCountWithinToleranceOrWithoutLedgerRaisesNothing() throws Exception {
        open(true);
        send(count(1_000, 200));
        send(onHand(1_000, 200, 1));
        send(onHand(2_000, 100, 2));
        send(count(3_000, 97));
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void aReplayJudgesACountAsItArrives() throws Exception {
        open(true);
        send(onHand(1_000, 100, 1));
        send(count(2_000, 10));
        assertThat(harness.extractOutputValues())
                .singleElement()
                .extracting(a -> a.expected)
                .isEqualTo(100.0);
    }
}
