package io.stockflow.flink.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.alert.Alert;
import io.stockflow.alert.EpisodePacing;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.ledger.OversellEpisodes;
import io.stockflow.ledger.StockSignal;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The oversell episodes in the operator harness: an episode survives a restore and resolves after it. */
class OversellEpisodeFunctionTest {
    private static final long MINUTE = 60_000L;
    private KeyedOneInputStreamOperatorTestHarness<String, StockSignal, Alert> harness;

    private void open(OperatorSubtaskState restore) throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new OversellEpisodeFunction(
                        new OversellEpisodes(EpisodePacing.DEFAULTS), new DecisionClock(true))),
                s -> s.sku,
                Types.STRING);
        if (restore != null) harness.initializeState(restore);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) harness.close();
    }

    private void send(StockSignal s) throws Exception {
        harness.processElement(new StreamRecord<>(s, s.eventTime));
    }

    private static StockSignal line(String sku, String order, long at) {
        Alert oversold = new Alert();
        oversold.type = OversellEpisodes.OVERSELL;
        oversold.sku = sku;
        oversold.orderId = order;
        oversold.eventTime = at;
        oversold.observed = 3.0;
        oversold.expected = 1.0;
        return StockSignal.of(oversold);
    }

    private static StockSignal available(String sku, long units, long at) {
        StockSignal s = new StockSignal();
        s.sku = sku;
        s.available = units;
        s.version = at;
        s.eventTime = at;
        return s;
    }

    private List<Alert> output() {
        return harness.extractOutputValues();
    }

    @Test
    void anEpisodeOutlivesARestoreAndIsResolvedUnderItsIdAfterIt() throws Exception {
        open(null);
        send(available("SKU-A", 4, MINUTE));
        assertThat(harness.numKeyedStateEntries())
                .as("no state for a SKU never oversold")
                .isZero();
        send(line("SKU-A", "o-1", 2 * MINUTE));
        send(line("SKU-A", "o-2", 3 * MINUTE));
        send(line("SKU-A", "o-3", 4 * MINUTE));
        assertThat(output()).extracting(a -> a.revision).containsExactly(1, 2);
        String id = output().get(0).alertId;
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        open(snapshot);
        send(available("SKU-A", 6, 5 * MINUTE));
        assertThat(output()).singleElement().satisfies(a -> {
            assertThat(a.alertId).isEqualTo(id);
            assertThat(a.status).isEqualTo(Alert.RESOLVED);
            assertThat(a.revision).isEqualTo(3);
            assertThat(a.observed)
                    .as("two units backordered on each of three lines")
                    .isEqualTo(6.0);
            assertThat(a.evidenceJson).contains("\"lines\":3");
        });
    }
}
