package io.stockflow.flink.time;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * A watermark at the end of time, for a side input that carries no event time of its own (rule sets, corrections):
 * it never holds back the event time of the operators it feeds.
 */
public final class EndOfTime<T> implements WatermarkGenerator<T> {
    public static <T> WatermarkStrategy<T> strategy() {
        return WatermarkStrategy.forGenerator(c -> new EndOfTime<>());
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.emitWatermark(new Watermark(Long.MAX_VALUE));
    }
}
