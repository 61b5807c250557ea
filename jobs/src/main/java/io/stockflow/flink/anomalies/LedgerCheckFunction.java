package io.stockflow.flink.anomalies;

import io.stockflow.alert.Alert;
import io.stockflow.anomalies.StockSignal;
import io.stockflow.anomaly.AnomalyAlerts;
import io.stockflow.anomaly.LedgerTolerance;
import io.stockflow.flink.time.DecisionClock;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * LEDGER_MISMATCH per SKU and location: a {@code COUNT} movement against the on-hand the ledger published last
 * before the count (the count's own availability update, at the same instant, is not "before"). The first count of a
 * position (nothing published before it) sets the ledger and is not judged.
 *
 * <p>Live, the two topics race: a count is held until the watermark passes its time, when every update before it has
 * arrived, and judged by its timer. A replay is sorted per key (counts first among equal times) and fires timers only
 * at its end, so there a count is judged as it arrives. State: the last on-hand and its time, and counts waiting.
 */
public final class LedgerCheckFunction extends KeyedProcessFunction<String, StockSignal, Alert> {
    private final LedgerTolerance tolerance;
    private final boolean replay;
    private final DecisionClock clock;
    /** Latest published on-hand and its time; the one before it, for a count that lands between. */
    private transient ValueState<long[]> ledger;

    private transient MapState<Long, StockSignal> waiting;

    public LedgerCheckFunction(LedgerTolerance tolerance, boolean replay, DecisionClock clock) {
        this.tolerance = tolerance;
        this.replay = replay;
        this.clock = clock;
    }

    @Override
    public void open(OpenContext context) {
        ValueStateDescriptor<long[]> d = new ValueStateDescriptor<>(
                "ledger", org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO);
        d.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofDays(30)).build());
        ledger = getRuntimeContext().getState(d);
        waiting = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>(
                        "waiting-counts",
                        Types.LONG,
                        org.apache.flink.api.common.typeinfo.TypeInformation.of(StockSignal.class)));
    }

    @Override
    public void processElement(StockSignal in, Context ctx, Collector<Alert> out) throws Exception {
        if (StockSignal.COUNT.equals(in.kind)) {
            if (replay) {
                judge(in, out);
            } else {
                waiting.put(in.time, in);
                ctx.timerService().registerEventTimeTimer(in.time);
            }
            return;
        }
        // {time, onHand} of the latest and of the one before it.
        long[] l = ledger.value();
        if (l == null) {
            ledger.update(new long[] {in.time, in.onHand, Long.MIN_VALUE, 0});
        } else if (in.time >= l[0]) {
            ledger.update(
                    in.time == l[0]
                            ? new long[] {in.time, in.onHand, l[2], l[3]}
                            : new long[] {in.time, in.onHand, l[0], l[1]});
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        StockSignal count = waiting.get(timestamp);
        if (count == null) return;
        waiting.remove(timestamp);
        judge(count, out);
    }

    private void judge(StockSignal count, Collector<Alert> out) throws Exception {
        long[] l = ledger.value();
        if (l == null) return;
        long onHand;
        if (l[0] < count.time) onHand = l[1];
        else if (l[2] != Long.MIN_VALUE && l[2] < count.time) onHand = l[3];
        else return;
        if (tolerance.mismatch(count.quantity, onHand)) {
            out.collect(AnomalyAlerts.ledgerMismatch(
                    count.sku,
                    count.location,
                    count.id,
                    count.time,
                    count.quantity,
                    onHand,
                    tolerance.allowed(onHand),
                    clock.now(count.time)));
        }
    }
}
