package io.stockflow.flink.lifecycle;

import io.stockflow.alert.Alert;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.AlertGrouping;
import io.stockflow.flink.time.ReplayHorizon;
import io.stockflow.lifecycle.AllocationNotice;
import io.stockflow.model.DeadLetter;
import io.stockflow.model.OrderEvent;
import io.stockflow.notify.Notification;
import io.stockflow.testing.Fixtures;
import io.stockflow.testing.InMemoryRun;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lifecycle topology run once, bounded and in replay mode up to a horizon, with the fixture SLA policy (UTC,
 * cut-off 14:00, one working day of handling, three delivery days of transit, 6 hours' warning, link wait 3 days):
 * canonical orders and allocations given typed, warehouse and carrier records as their topics carry them.
 */
final class LifecycleScenario {
    private final List<OrderEvent> orders = new ArrayList<>();
    private final List<AllocationNotice> allocations = new ArrayList<>();
    private final List<String> fulfilments = new ArrayList<>();
    private final List<String> carrierUpdates = new ArrayList<>();

    LifecycleScenario orders(OrderEvent... events) {
        orders.addAll(Arrays.asList(events));
        return this;
    }

    LifecycleScenario allocations(AllocationNotice... notices) {
        allocations.addAll(Arrays.asList(notices));
        return this;
    }

    LifecycleScenario fulfilments(String... records) {
        fulfilments.addAll(Arrays.asList(records));
        return this;
    }

    LifecycleScenario carrierUpdates(String... records) {
        carrierUpdates.addAll(Arrays.asList(records));
        return this;
    }

    /** A warehouse's SHIPPED event of one SKU-A from WH-EAST, by UPS. */
    static String shipped(String orderId, String trackingCode, String time) {
        return shipped(orderId, trackingCode, time, "UPS");
    }

    /** A warehouse's SHIPPED event of one SKU-A from WH-EAST, by the carrier named. */
    static String shipped(String orderId, String trackingCode, String time, String carrier) {
        return "{\"event_id\":\"ful-" + orderId + "\",\"order_id\":\"" + orderId + "\",\"location\":\"WH-EAST\","
                + "\"type\":\"SHIPPED\",\"lines\":[{\"sku\":\"SKU-A\",\"quantity\":1}],\"carrier\":\"" + carrier
                + "\",\"tracking_code\":\"" + trackingCode + "\",\"occurred_at\":\"" + time + "\"}";
    }

    /** An EasyPost {@code tracker.updated} webhook: the tracker's status at {@code time}. */
    static String easyPost(String trackingCode, String status, String time) {
        return "{\"source\":\"easypost\",\"received_at\":\"" + time + "\",\"payload\":{\"object\":\"Event\","
                + "\"description\":\"tracker.updated\",\"id\":\"evt_" + time.hashCode() + "\",\"result\":{"
                + "\"id\":\"trk_1\",\"object\":\"Tracker\",\"tracking_code\":\"" + trackingCode + "\",\"status\":\""
                + status + "\",\"carrier\":\"UPS\",\"updated_at\":\"" + time + "\",\"tracking_details\":[{"
                + "\"object\":\"TrackingDetail\",\"status\":\"" + status + "\",\"datetime\":\"" + time + "\"}]}}}";
    }

    /** Runs up to {@code until}: no deadline after it is judged. */
    Results runUntil(String until) throws Exception {
        return runUntil(until, AlertGrouping.DEFAULTS);
    }

    /** Runs up to {@code until} with alerts grouped (or not) as {@code grouping} says. */
    Results runUntil(String until, AlertGrouping grouping) throws Exception {
        LifecycleSettings settings = new LifecycleSettings();
        settings.grouping = grouping;
        settings.replay = true;
        settings.horizon = new ReplayHorizon(LifecycleEvents.at(until));
        settings.policy = LifecycleSettings.policy(Fixtures.dir("lifecycle").resolve("sla-policy.json"));

        InMemoryRun run = new InMemoryRun();
        LifecycleOutputs out = LifecycleTopology.build(
                new LifecycleInputs(
                        run.input(Topics.ORDERS_CANONICAL, OrderEvent.class, orders),
                        run.input(Topics.ALLOCATIONS, AllocationNotice.class, allocations),
                        run.records(Topics.FULFILMENT, 0, fulfilments),
                        run.records(Topics.CARRIER_TRACKING, 0, carrierUpdates)),
                settings);
        var alerts = run.collect("alerts", out.alerts());
        var notifications = run.collect("notifications", out.notifications());
        var deadLetters = run.collect("dead-letters", out.deadLetters());
        run.run();
        return new Results(alerts.elements(), notifications.elements(), deadLetters.elements());
    }

    /** What the run produced. */
    record Results(List<Alert> alerts, List<Notification> notifications, List<DeadLetter> deadLetters) {
        List<Alert> alerts(String type) {
            return alerts.stream().filter(a -> a.type.equals(type)).toList();
        }
    }
}
