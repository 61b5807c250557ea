package io.stockflow.flink.anomalies;

import static io.stockflow.flink.anomalies.RhythmDetectorTest.BIN;
import static io.stockflow.flink.anomalies.RhythmDetectorTest.START;
import static io.stockflow.flink.anomalies.RhythmDetectorTest.TWO_DAYS;
import static io.stockflow.flink.anomalies.RhythmDetectorTest.bin;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.alert.Alert;
import io.stockflow.anomalies.BinCount;
import io.stockflow.anomaly.RhythmModel;
import io.stockflow.anomaly.RhythmSeries;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.flink.time.ReplayHorizon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * State compatibility of the rhythm detector across versions: snapshots of its keyed state and timers, made by
 * earlier builds in the operator harness on the heap and on RocksDB, are kept in {@code src/test/resources/savepoints/}
 * and each must restore into the current detector on the same backend, which must then raise the alerts an
 * uninterrupted run raises. A renamed state, a state type that no longer reads its old bytes, or timers under another
 * name fail it.
 *
 * <p>{@code rhythm-v1} (made by the keyed process function the detector replaced) holds the state after two quiet
 * days (two SKUs, two channels) and half of the next bin: every series' bin counts, one pending count, the learned
 * profile, the shop's statistics, the open bin and its timer. After the restore, the bin's other half arrives, then a
 * SKU's demand is six times its usual and eBay goes silent.
 *
 * <p>To keep snapshots of the current version after a deliberate state change, set {@link #NEWEST} to a new name,
 * run {@code mvn -B test -pl jobs -am -Dtest=RhythmKeptSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dstockflow.snapshot.regenerate=true}, add the new files to the restore test's list and commit them.
 */
class RhythmKeptSnapshotTest {
    /** Where {@link #regenerateTheKeptSnapshot} writes: {@code .snapshot} on the heap, {@code -rocksdb.snapshot} on RocksDB. */
    static final String NEWEST = "savepoints/rhythm-v1";

    private static KeyedOneInputStreamOperatorTestHarness<String, BinCount, Alert> harness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(operator(), b -> "shop", Types.STRING);
    }

    /**
     * A harness on RocksDB, the jobs' state backend (full snapshots: a kept one must hold its own files), or on the
     * heap.
     */
    private static KeyedOneInputStreamOperatorTestHarness<String, BinCount, Alert> harness(String backend)
            throws Exception {
        var h = harness();
        h.setStateBackend(
                "rocksdb".equals(backend) ? new EmbeddedRocksDBStateBackend(false) : new HashMapStateBackend());
        return h;
    }

    private static String file(String backend) {
        return NEWEST + ("rocksdb".equals(backend) ? "-rocksdb" : "") + ".snapshot";
    }

    private static OneInputStreamOperator<BinCount, Alert> operator() {
        return new RhythmDetector(new RhythmModel(), ReplayHorizon.LIVE, new DecisionClock(true));
    }

    /** Two quiet days, then the first half of the next bin: the state the kept snapshot holds. */
    private static void beforeTheSnapshot(KeyedOneInputStreamOperatorTestHarness<String, BinCount, Alert> h)
            throws Exception {
        for (long t = START; t < START + TWO_DAYS; t += BIN) {
            send(
                    h,
                    bin(RhythmSeries.DEMAND, "SKU-1", t, 10),
                    bin(RhythmSeries.DEMAND, "SKU-2", t, 30),
                    bin(RhythmSeries.CHANNEL, "amazon", t, 20),
                    bin(RhythmSeries.CHANNEL, "ebay", t, 20));
            h.processWatermark(t + BIN - 1);
        }
        send(h, bin(RhythmSeries.DEMAND, "SKU-1", START + TWO_DAYS, 15));
    }

    /** The rest of the open bin, then SKU-1 sells six times as much and eBay sends nothing. */
    private static void afterTheSnapshot(KeyedOneInputStreamOperatorTestHarness<String, BinCount, Alert> h)
            throws Exception {
        long from = START + TWO_DAYS;
        send(
                h,
                bin(RhythmSeries.DEMAND, "SKU-2", from, 30),
                bin(RhythmSeries.CHANNEL, "amazon", from, 20),
                bin(RhythmSeries.CHANNEL, "ebay", from, 20));
        h.processWatermark(from + BIN - 1);
        for (long t = from + BIN; t < from + 6 * BIN; t += BIN) {
            send(
                    h,
                    bin(RhythmSeries.DEMAND, "SKU-1", t, 60),
                    bin(RhythmSeries.DEMAND, "SKU-2", t, 30),
                    bin(RhythmSeries.CHANNEL, "amazon", t, 20));
            h.processWatermark(t + BIN - 1);
        }
    }

    private static void send(KeyedOneInputStreamOperatorTestHarness<String, BinCount, Alert> h, BinCount... bins)
            throws Exception {
        for (BinCount b : bins) h.processElement(new StreamRecord<>(b, b.binStart + BIN - 1));
    }

    /**
     * Each alert's type, severity, subject, message, time, observed and expected count: what the kept state (the
     * profile, every series' bins, the open bin) decides. Not the evidence's detail: state that later versions add
     * (a field a POJO gains) starts empty after an older snapshot, and may shift a threshold the evidence shows.
     */
    private static List<String> alerts(KeyedOneInputStreamOperatorTestHarness<String, BinCount, Alert> h) {
        return h.extractOutputValues().stream()
                .map(a -> a + " " + a.eventTime + " " + a.observed + " " + a.expected)
                .toList();
    }

    @ParameterizedTest
    @CsvSource({"savepoints/rhythm-v1.snapshot, hashmap", "savepoints/rhythm-v1-rocksdb.snapshot, rocksdb"})
    void theKeptSnapshotRestoresAndTheDetectorJudgesAsIfNeverStopped(String resource, String backend) throws Exception {
        List<String> uninterrupted;
        try (var h = harness()) {
            h.open();
            beforeTheSnapshot(h);
            assertThat(alerts(h)).as("two quiet days").isEmpty();
            afterTheSnapshot(h);
            uninterrupted = alerts(h);
        }
        assertThat(uninterrupted)
                .as("a spike and a silence")
                .anySatisfy(a -> assertThat(a).startsWith("DEMAND_SPIKE"))
                .anySatisfy(a -> assertThat(a).startsWith("FEED_SILENT"));

        OperatorSubtaskState kept = OperatorSnapshotUtil.readStateHandle(Path.of(RhythmKeptSnapshotTest.class
                        .getResource("/" + file(backend))
                        .toURI())
                .toString());
        try (var h = harness(backend)) {
            h.initializeState(kept);
            h.open();
            assertThat(h.numEventTimeTimers()).as("the open bin's timer").isEqualTo(1);
            afterTheSnapshot(h);
            assertThat(alerts(h)).isEqualTo(uninterrupted);
        }
    }

    /** Not a test: writes the snapshots this class restores, with the current code. See the class comment. */
    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    @EnabledIfSystemProperty(named = "stockflow.snapshot.regenerate", matches = "true")
    void regenerateTheKeptSnapshot(String backend) throws Exception {
        try (var h = harness(backend)) {
            h.open();
            beforeTheSnapshot(h);
            Path target = Path.of("src", "test", "resources").resolve(file(backend));
            Files.createDirectories(target.getParent());
            OperatorSnapshotUtil.writeStateHandle(h.snapshot(1, START + TWO_DAYS), target.toString());
            System.out.println("snapshot written to " + target.toAbsolutePath());
        }
    }
}
