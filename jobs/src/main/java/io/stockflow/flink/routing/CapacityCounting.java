package io.stockflow.flink.routing;

import io.stockflow.alert.Alert;
import io.stockflow.allocation.OrderAllocation;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.flink.time.EventTimeSorter;
import io.stockflow.routing.CapacityLevel;
import io.stockflow.routing.ShipmentClaim;
import io.stockflow.routing.ShipmentClaims;
import java.time.Duration;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;

/**
 * Wires daily capacity counting after the allocations: decision → one {@link ShipmentClaim} per ship-from location →
 * keyBy location → {@link CapacityCounter} (uid {@code capacity-counter}) → levels for {@code routing.capacity}, and
 * {@code CAPACITY_EXCEEDED} alerts. In a replay the claims are counted in event-time order, so the levels and alerts
 * are the same every time.
 */
public final class CapacityCounting {
    /** How often, live, a location's levels are published at most (a level that fills a day goes at once). */
    public static final Duration LIVE_PUBLISH_EVERY = Duration.ofMillis(100);

    /** The levels to publish and the alerts raised. */
    public static final class Counted {
        public DataStream<CapacityLevel> levels;
        public DataStream<Alert> alerts;
    }

    private CapacityCounting() {}

    public static Counted wire(DataStream<OrderAllocation> allocations, boolean replay, DecisionClock clock) {
        KeyedStream<ShipmentClaim, String> byLocation = allocations
                .flatMap(new Claims())
                .returns(ShipmentClaim.class)
                .name("shipment claims")
                .uid("shipment-claims")
                .keyBy(c -> c.location, Types.STRING);
        if (replay) {
            byLocation = EventTimeSorter.sort(
                    byLocation, TypeInformation.of(ShipmentClaim.class), ShipmentClaim::sequenceKey, "shipment-claims");
        }
        SingleOutputStreamOperator<CapacityLevel> levels = byLocation
                .process(new CapacityCounter(clock, replay ? Duration.ZERO : LIVE_PUBLISH_EVERY))
                .returns(CapacityLevel.class)
                .name("capacity counter: shipments per location and day")
                .uid("capacity-counter");
        Counted counted = new Counted();
        counted.levels = levels;
        counted.alerts = levels.getSideOutput(CapacityCounter.ALERTS);
        return counted;
    }

    private static final class Claims implements FlatMapFunction<OrderAllocation, ShipmentClaim> {
        @Override
        public void flatMap(OrderAllocation allocation, Collector<ShipmentClaim> out) {
            for (ShipmentClaim claim : ShipmentClaims.of(allocation)) out.collect(claim);
        }
    }
}
