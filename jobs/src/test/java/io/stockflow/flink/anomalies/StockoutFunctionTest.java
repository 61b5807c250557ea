package io.stockflow.flink.anomalies;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.alert.Alert;
import io.stockflow.alert.Severity;
import io.stockflow.anomalies.BinCount;
import io.stockflow.anomalies.StockSignal;
import io.stockflow.anomaly.RhythmModel;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.ledger.AvailabilityUpdate;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SKU-1 sells 5 units a bin (20 an hour); SKU-2 has a lead time of its own (4 hours), others 2 hours. */
class StockoutFunctionTest {
    static final long BIN = RhythmModel.BIN_MILLIS;
    private KeyedOneInputStreamOperatorTestHarness<String, StockSignal, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new StockoutFunction(
                        Map.of("SKU-2", Duration.ofHours(4)), Duration.ofHours(2), 2, 8, new DecisionClock(true))),
                s -> s.sku,
                Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void sales(String sku, int bins, long units) throws Exception {
        for (int i = 0; i < bins; i++) {
            BinCount b = new BinCount();
            b.subject = sku;
            b.binStart = i * BIN;
            b.units = units;
            StockSignal s = StockSignal.sales(b);
            harness.processElement(new StreamRecord<>(s, s.eventTime()));
        }
    }

    private void available(String sku, long at, long units) throws Exception {
        AvailabilityUpdate u = new AvailabilityUpdate();
        u.sku = sku;
        u.location = "*";
        u.available = units;
        u.asOf = at;
        harness.processElement(new StreamRecord<>(StockSignal.of(u), at));
    }

    @Test
    void aFewUnitsOfAnUnevenSellerAreNotAStockOutUntilNothingIsLeft() throws Exception {
        // SKU-3 sells 4 units every fourth bin: 4 an hour, in lumps.
        for (int i = 0; i < 64; i++) {
            BinCount b = new BinCount();
            b.subject = "SKU-3";
            b.binStart = i * BIN;
            b.units = i % 4 == 0 ? 4 : 0;
            StockSignal s = StockSignal.sales(b);
            harness.processElement(new StreamRecord<>(s, s.eventTime()));
        }
        long now = 64 * BIN;
        available("SKU-3", now, 5);
        assertThat(harness.extractOutputValues())
                .as("the point forecast says about an hour, but such a seller often lasts the lead time")
                .isEmpty();
        available("SKU-3", now + 1, 0);
        assertThat(harness.extractOutputValues()).singleElement().satisfies(a -> {
            assertThat(a.type).isEqualTo("STOCKOUT_PREDICTED");
            assertThat(a.evidenceJson).contains("\"stockout_probability\":1.0").contains("\"dispersion\":3.0");
        });
    }

    @Test
    void predictsTheStockOutWhenTheCoverIsShorterThanTheLeadTime() throws Exception {
        sales("SKU-1", 12, 5);
        long now = 12 * BIN;
        available("SKU-1", now, 60);
        assertThat(harness.extractOutputValues()).as("3 hours of cover").isEmpty();
        available("SKU-1", now + 1, 30);
        assertThat(harness.extractOutputValues()).singleElement().satisfies(a -> {
            assertThat(a.type).isEqualTo("STOCKOUT_PREDICTED");
            assertThat(a.observed).isEqualTo(1.5);
            assertThat(a.expected).isEqualTo(2.0);
            assertThat(a.severity).isEqualTo(Severity.WARNING);
            assertThat(a.message).contains("30 available at 20.0 units/h runs out about 1970-01-01T04:30:00.001Z");
            assertThat(a.evidenceJson).contains("\"expected_stockout_at\":\"1970-01-01T04:30:00.001Z\"");
        });
        available("SKU-1", now + 2, 20);
        assertThat(harness.extractOutputValues()).as("the prediction stands").hasSize(1);
        available("SKU-1", now + 3, 70);
        available("SKU-1", now + 4, 5);
        assertThat(harness.extractOutputValues())
                .as("cover recovered, then fell again")
                .hasSize(2)
                .last()
                .extracting(a -> a.severity)
                .isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aSkuHasItsOwnLeadTimeAndNoForecastBeforeTheWarmUp() throws Exception {
        sales("SKU-2", 4, 5);
        available("SKU-2", 4 * BIN, 1);
        assertThat(harness.extractOutputValues())
                .as("four bins are not enough to know the velocity")
                .isEmpty();
        sales("SKU-2", 12, 5);
        available("SKU-2", 12 * BIN, 60);
        assertThat(harness.extractOutputValues())
                .singleElement()
                .extracting(a -> a.expected)
                .isEqualTo(4.0);
    }
}
