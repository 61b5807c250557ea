package io.stockflow.flink.anomalies;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.alert.Alert;
import io.stockflow.anomalies.BinCount;
import io.stockflow.anomaly.RhythmModel;
import io.stockflow.anomaly.RhythmSeries;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.flink.time.ReplayHorizon;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shop's clock in the operator harness: two channels send 20 orders a bin each and a SKU 10 lines a bin for two
 * days, as bins the upstream windows would emit (stamped at their last millisecond, then the watermark).
 */
class RhythmDetectorTest {
    static final long BIN = RhythmModel.BIN_MILLIS;
    static final long START = Instant.parse("2026-11-02T00:00:00Z").toEpochMilli();
    static final long TWO_DAYS = 2 * 24 * 3_600_000L;

    private KeyedOneInputStreamOperatorTestHarness<String, BinCount, Alert> harness;
    /** The state backend of the next harness opened; the harness's own (on the heap) when null. */
    private StateBackend backend;

    private void open(ReplayHorizon horizon, OperatorSubtaskState restore) throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new RhythmDetector(new RhythmModel(), horizon, new DecisionClock(true)), b -> "shop", Types.STRING);
        if (backend != null) harness.setStateBackend(backend);
        if (restore != null) harness.initializeState(restore);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) harness.close();
    }

    static BinCount bin(String kind, String subject, long binStart, long count) {
        BinCount b = new BinCount();
        b.kind = kind;
        b.subject = subject;
        b.binStart = binStart;
        b.count = count;
        b.units = count;
        b.lastEventTime = binStart + BIN - 1;
        return b;
    }

    /** The bins of [from, to), each followed by the watermark at its end, as live windows emit them. */
    private void live(long from, long to, boolean ebaySends) throws Exception {
        for (long t = from; t < to; t += BIN) {
            send(
                    bin(RhythmSeries.DEMAND, "SKU-1", t, 10),
                    bin(RhythmSeries.DEMAND, "SKU-2", t, 30),
                    bin(RhythmSeries.CHANNEL, "amazon", t, 20));
            if (ebaySends) send(bin(RhythmSeries.CHANNEL, "ebay", t, 20));
            harness.processWatermark(t + BIN - 1);
        }
    }

    private void send(BinCount... bins) throws Exception {
        for (BinCount b : bins) harness.processElement(new StreamRecord<>(b, b.binStart + BIN - 1));
    }

    private List<String> alerts() {
        return harness.extractOutputValues().stream()
                .map(a -> a.type + " " + (a.channel != null ? a.channel : a.sku) + " @"
                        + Instant.ofEpochMilli(a.eventTime))
                .collect(Collectors.toList());
    }

    @Test
    void aChannelThatSendsNothingIsJudgedByTheClocksTimers() throws Exception {
        open(ReplayHorizon.LIVE, null);
        live(START, START + TWO_DAYS, true);
        assertThat(alerts()).isEmpty();
        long silence = START + TWO_DAYS;
        live(silence, silence + 4 * BIN, false);
        // 80 orders an hour: 9.2 expected within 7 minutes, so the 20-minute floor decides: the second bin's end.
        assertThat(alerts()).containsExactly("FEED_SILENT ebay @" + Instant.ofEpochMilli(silence + 2 * BIN));
        assertThat(harness.numEventTimeTimers()).as("one timer: the open bin's").isEqualTo(1);
    }

    @Test
    void withoutAnyInputTheTimerChainStillClosesBins() throws Exception {
        open(ReplayHorizon.LIVE, null);
        live(START, START + TWO_DAYS, true);
        long silence = START + TWO_DAYS;
        harness.processWatermark(silence + 2 * BIN);
        assertThat(alerts())
                .contains(
                        "FEED_SILENT ebay @" + Instant.ofEpochMilli(silence + 2 * BIN),
                        "FEED_SILENT amazon @" + Instant.ofEpochMilli(silence + 2 * BIN));
    }

    @Test
    void aReplayDoesNotJudgeBinsPastItsHorizon() throws Exception {
        long end = START + TWO_DAYS;
        open(new ReplayHorizon(end - 1), null);
        // A replay: every bin first, sorted, no watermark until the input ends.
        for (long t = START; t < end; t += BIN) {
            send(
                    bin(RhythmSeries.DEMAND, "SKU-1", t, 10),
                    bin(RhythmSeries.CHANNEL, "amazon", t, 20),
                    bin(RhythmSeries.CHANNEL, "ebay", t, 20));
        }
        harness.processWatermark(Long.MAX_VALUE);
        assertThat(alerts()).as("the input ended; nobody went silent").isEmpty();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    /** RocksDB as the jobs run it, and the heap, whose snapshots hold objects rather than bytes. */
    private static StateBackend backend(String name) {
        return "rocksdb".equals(name) ? new EmbeddedRocksDBStateBackend() : new HashMapStateBackend();
    }

    /** Four bins in which SKU-1 sells six times its usual. */
    private void spike(long from) throws Exception {
        for (long t = from; t < from + 4 * BIN; t += BIN) {
            send(
                    bin(RhythmSeries.DEMAND, "SKU-1", t, 60),
                    bin(RhythmSeries.DEMAND, "SKU-2", t, 30),
                    bin(RhythmSeries.CHANNEL, "amazon", t, 20),
                    bin(RhythmSeries.CHANNEL, "ebay", t, 20));
            harness.processWatermark(t + BIN - 1);
        }
    }

    /** Every alert with everything it says, to compare runs. */
    private List<String> alertsInFull() {
        return harness.extractOutputValues().stream()
                .map(a -> a + " " + a.eventTime + " " + a.observed + " " + a.expected + " " + a.evidenceJson)
                .collect(Collectors.toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void restoredFromASnapshotItJudgesAsIfNeverStopped(String stateBackend) throws Exception {
        backend = backend(stateBackend);
        open(ReplayHorizon.LIVE, null);
        live(START, START + TWO_DAYS, true);
        OperatorSubtaskState snapshot = harness.snapshot(1, START + TWO_DAYS);
        long spike = START + TWO_DAYS;
        spike(spike);
        List<String> uninterrupted = alertsInFull();
        assertThat(uninterrupted).hasSize(1).first().asString().startsWith("DEMAND_SPIKE");
        harness.close();

        open(ReplayHorizon.LIVE, snapshot);
        spike(spike);
        assertThat(alertsInFull()).isEqualTo(uninterrupted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void snapshotsWriteWhatChangedSinceTheLastAndTheLastRestoresTheWhole(String stateBackend) throws Exception {
        backend = backend(stateBackend);
        open(ReplayHorizon.LIVE, null);
        live(START, START + TWO_DAYS - 8 * BIN, true);
        harness.snapshot(1, START);
        // Half a bin after the first snapshot: only the series that received a count changed.
        long last = START + TWO_DAYS - 8 * BIN;
        send(bin(RhythmSeries.DEMAND, "SKU-1", last, 10), bin(RhythmSeries.CHANNEL, "amazon", last, 20));
        harness.snapshot(2, START);
        send(bin(RhythmSeries.DEMAND, "SKU-2", last, 30), bin(RhythmSeries.CHANNEL, "ebay", last, 20));
        harness.processWatermark(last + BIN - 1);
        live(last + BIN, START + TWO_DAYS, true);
        OperatorSubtaskState snapshot = harness.snapshot(3, START);
        long spike = START + TWO_DAYS;
        spike(spike);
        List<String> uninterrupted = alertsInFull();
        assertThat(uninterrupted).hasSize(1);
        harness.close();

        open(ReplayHorizon.LIVE, snapshot);
        spike(spike);
        assertThat(alertsInFull()).isEqualTo(uninterrupted);
    }

    @Test
    void seriesQuietForTwoWeeksAreForgotten() throws Exception {
        open(ReplayHorizon.LIVE, null);
        live(START, START + TWO_DAYS, true);
        assertThat(seriesKeys())
                .containsExactlyInAnyOrder(
                        "DEMAND|SKU-1",
                        "REFUNDS|SKU-1",
                        "DEMAND|SKU-2",
                        "REFUNDS|SKU-2",
                        "CHANNEL|amazon",
                        "CHANNEL|ebay");
        // SKU-1 and ebay stop; SKU-2 and amazon go on for fifteen days.
        long from = START + TWO_DAYS;
        for (long t = from; t < from + 15 * 24 * 3_600_000L; t += BIN) {
            send(bin(RhythmSeries.DEMAND, "SKU-2", t, 30), bin(RhythmSeries.CHANNEL, "amazon", t, 20));
            harness.processWatermark(t + BIN - 1);
        }
        assertThat(seriesKeys()).containsExactlyInAnyOrder("DEMAND|SKU-2", "REFUNDS|SKU-2", "CHANNEL|amazon");
    }

    /** The series in the keyed state, after a snapshot has written the heap's to it. */
    private List<String> seriesKeys() throws Exception {
        harness.snapshot(1, 0);
        org.apache.flink.runtime.state.KeyedStateBackend<Object> backend =
                harness.getOperator().getKeyedStateBackend();
        backend.setCurrentKey("shop");
        org.apache.flink.api.common.state.MapState<String, RhythmSeries> series = backend.getPartitionedState(
                org.apache.flink.runtime.state.VoidNamespace.INSTANCE,
                org.apache.flink.runtime.state.VoidNamespaceSerializer.INSTANCE,
                new org.apache.flink.api.common.state.MapStateDescriptor<>(
                        "series",
                        Types.STRING,
                        org.apache.flink.api.common.typeinfo.TypeInformation.of(RhythmSeries.class)));
        List<String> keys = new java.util.ArrayList<>();
        for (String k : series.keys()) keys.add(k);
        return keys;
    }

    @Test
    void aBinOfATimeAlreadyJudgedIsIgnored() throws Exception {
        open(ReplayHorizon.LIVE, null);
        live(START, START + TWO_DAYS, true);
        send(bin(RhythmSeries.DEMAND, "SKU-1", START, 500));
        live(START + TWO_DAYS, START + TWO_DAYS + 4 * BIN, true);
        assertThat(alerts()).isEmpty();
    }
}
