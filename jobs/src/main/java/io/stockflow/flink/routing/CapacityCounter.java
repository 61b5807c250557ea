package io.stockflow.flink.routing;

import io.stockflow.alert.Alert;
import io.stockflow.flink.metrics.StockflowMetrics;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.routing.CapacityAlerts;
import io.stockflow.routing.CapacityLevel;
import io.stockflow.routing.DailyCapacity;
import io.stockflow.routing.DayCount;
import io.stockflow.routing.ShipmentClaim;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by location: counts the shipments final decisions plan per local day ({@link DailyCapacity}) and publishes
 * the absolute levels for {@code routing.capacity}, from where routing reads them back. A day that goes over its
 * capacity raises {@code CAPACITY_EXCEEDED} once. Days are forgotten by event-time timers.
 *
 * <p>Live, levels are published at most once per {@code publishEvery} per location (a processing-time timer), except
 * that a level that makes a day full goes out at once: routing must learn of a full location as early as possible,
 * of the rest soon enough. With {@code publishEvery} zero (replays) every claim publishes its level.
 */
public final class CapacityCounter extends KeyedProcessFunction<String, ShipmentClaim, CapacityLevel> {
    public static final OutputTag<Alert> ALERTS = new OutputTag<>("capacity-alerts") {};

    private final DecisionClock clock;
    private final long publishEveryMs;
    private transient MapState<Long, DayCount> days;
    private transient DailyCapacity.Store store;
    private transient Counter alerts;

    public CapacityCounter(DecisionClock clock, Duration publishEvery) {
        this.clock = clock;
        this.publishEveryMs = publishEvery.toMillis();
    }

    @Override
    public void open(OpenContext context) {
        days = getRuntimeContext()
                .getMapState(
                        new MapStateDescriptor<>("shipments-per-day", Types.LONG, TypeInformation.of(DayCount.class)));
        store = new DailyCapacity.Store() {
            @Override
            public DayCount get(long day) throws Exception {
                return days.get(day);
            }

            @Override
            public void put(long day, DayCount count) throws Exception {
                days.put(day, count);
            }

            @Override
            public Iterable<Long> days() throws Exception {
                return days.keys();
            }

            @Override
            public void remove(long day) throws Exception {
                days.remove(day);
            }
        };
        alerts = StockflowMetrics.counters(
                        getRuntimeContext().getMetricGroup(), StockflowMetrics.ALERT_TYPE, StockflowMetrics.ALERTS)
                .get(CapacityAlerts.CAPACITY_EXCEEDED);
    }

    @Override
    public void processElement(ShipmentClaim claim, Context ctx, Collector<CapacityLevel> out) throws Exception {
        DailyCapacity.Counted counted = DailyCapacity.claim(store, claim, clock.now(claim.eventTime));
        if (counted.newDay()) ctx.timerService().registerEventTimeTimer(DailyCapacity.expiresAt(claim.day));
        if (counted.alert() != null) {
            alerts.inc();
            ctx.output(ALERTS, counted.alert());
        }
        if (publishEveryMs <= 0 || counted.level().full()) {
            out.collect(counted.level());
        } else {
            // One timer per location and interval: timers of equal time are kept once.
            long now = ctx.timerService().currentProcessingTime();
            ctx.timerService().registerProcessingTimeTimer(now - now % publishEveryMs + publishEveryMs);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CapacityLevel> out) throws Exception {
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
            DailyCapacity.expire(store, timestamp);
            return;
        }
        for (CapacityLevel level : DailyCapacity.levels(store, ctx.getCurrentKey())) out.collect(level);
    }
}
