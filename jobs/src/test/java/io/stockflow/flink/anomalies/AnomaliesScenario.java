package io.stockflow.flink.anomalies;

import io.stockflow.alert.Alert;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.time.ReplayHorizon;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.model.DeadLetter;
import io.stockflow.model.OrderEvent;
import io.stockflow.testing.InMemoryRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The anomalies topology run once, bounded and in replay mode up to a horizon, with the default models: canonical
 * orders and availability given typed, movements as their topic carries them.
 */
final class AnomaliesScenario {
    private final List<OrderEvent> orders = new ArrayList<>();
    private final List<AvailabilityUpdate> availability = new ArrayList<>();
    private final List<String> movements = new ArrayList<>();

    AnomaliesScenario orders(OrderEvent... events) {
        orders.addAll(Arrays.asList(events));
        return this;
    }

    AnomaliesScenario availability(AvailabilityUpdate... updates) {
        availability.addAll(Arrays.asList(updates));
        return this;
    }

    AnomaliesScenario movements(String... records) {
        movements.addAll(Arrays.asList(records));
        return this;
    }

    static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    /** The ledger's level of a SKU at a location, as the inventory job publishes it. */
    static AvailabilityUpdate onHand(String sku, String location, long onHand, long version, String time) {
        AvailabilityUpdate u = new AvailabilityUpdate();
        u.sku = sku;
        u.location = location;
        u.onHand = onHand;
        u.available = onHand;
        u.version = version;
        u.asOf = at(time);
        return u;
    }

    /** A stock count's movement record. */
    static String count(String movementId, String sku, String location, long units, String time) {
        return "{\"movement_id\":\"" + movementId + "\",\"sku\":\"" + sku + "\",\"location\":\"" + location
                + "\",\"type\":\"COUNT\",\"quantity\":" + units + ",\"occurred_at\":\"" + time + "\"}";
    }

    Results runUntil(String until) throws Exception {
        AnomaliesSettings settings = new AnomaliesSettings();
        settings.replay = true;
        settings.horizon = new ReplayHorizon(at(until));

        InMemoryRun run = new InMemoryRun();
        AnomaliesOutputs out = AnomaliesTopology.build(
                new AnomaliesInputs(
                        run.input(Topics.ORDERS_CANONICAL, OrderEvent.class, orders),
                        run.input(Topics.AVAILABILITY, AvailabilityUpdate.class, availability),
                        run.records(Topics.MOVEMENTS, 0, movements)),
                settings);
        var alerts = run.collect("alerts", out.alerts());
        var deadLetters = run.collect("dead-letters", out.deadLetters().orElseThrow());
        run.run();
        return new Results(alerts.elements(), deadLetters.elements());
    }

    /** What the run produced. */
    record Results(List<Alert> alerts, List<DeadLetter> deadLetters) {}
}
