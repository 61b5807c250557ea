package io.stockflow.flink.inventory;

import io.stockflow.alert.Alert;
import io.stockflow.allocation.OrderAllocation;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.AlertGrouping;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.model.DeadLetter;
import io.stockflow.model.OrderEvent;
import io.stockflow.routing.CapacityLevel;
import io.stockflow.testing.InMemoryRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The inventory topology run once, bounded and in replay mode (each order's and each SKU's events in event-time
 * order), on records given as each topic carries them, with its typed outputs collected.
 */
final class InventoryScenario {
    /** When the records were received: the dead letters carry it. */
    static final long RECEIVED_AT = Instant.parse("2026-11-26T12:00:00Z").toEpochMilli();

    private final List<String> orders = new ArrayList<>();
    private final List<String> movements = new ArrayList<>();
    private final List<String> fulfilments = new ArrayList<>();
    private final List<String> ruleSets = new ArrayList<>();
    private InventorySettings settings = InventorySettings.replay();

    /** Settings other than the replay defaults (a replay unless they are live settings). */
    InventoryScenario settings(InventorySettings settings) {
        this.settings = settings;
        return this;
    }

    InventoryScenario orders(String... envelopes) {
        orders.addAll(Arrays.asList(envelopes));
        return this;
    }

    InventoryScenario movements(String... records) {
        movements.addAll(Arrays.asList(records));
        return this;
    }

    InventoryScenario fulfilments(String... records) {
        fulfilments.addAll(Arrays.asList(records));
        return this;
    }

    InventoryScenario ruleSets(String... documents) {
        ruleSets.addAll(Arrays.asList(documents));
        return this;
    }

    static String receipt(String movementId, String sku, String location, long quantity, String time) {
        return movement(movementId, sku, location, "RECEIPT", quantity, time);
    }

    static String movement(String movementId, String sku, String location, String type, long quantity, String time) {
        return "{\"movement_id\":\"" + movementId + "\",\"sku\":\"" + sku + "\",\"location\":\"" + location
                + "\",\"type\":\"" + type + "\",\"quantity\":" + quantity + ",\"occurred_at\":\"" + time + "\"}";
    }

    /** A warehouse's SHIPPED event for one line. */
    static String shipped(String eventId, String orderId, String location, String sku, long quantity, String time) {
        return "{\"event_id\":\"" + eventId + "\",\"order_id\":\"" + orderId + "\",\"location\":\"" + location
                + "\",\"type\":\"SHIPPED\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}],"
                + "\"carrier\":\"UPS\",\"tracking_code\":\"1Z" + eventId + "\",\"occurred_at\":\"" + time + "\"}";
    }

    /** Alerts grouped into episodes (the default) or not. */
    InventoryScenario grouping(AlertGrouping value) {
        settings.grouping = value;
        return this;
    }

    Results run() throws Exception {
        InMemoryRun run = new InMemoryRun();
        InventoryOutputs out = InventoryTopology.build(
                InventoryInputs.of(
                        run.records(Topics.ORDERS_RAW, RECEIVED_AT, orders),
                        run.records(Topics.MOVEMENTS, RECEIVED_AT, movements),
                        run.records(Topics.FULFILMENT, RECEIVED_AT, fulfilments),
                        run.records(Topics.ROUTING_RULES, RECEIVED_AT, ruleSets)),
                settings);
        var canonicalOrders = run.collect("canonical-orders", out.canonicalOrders());
        var availability = run.collect("availability", out.availability());
        var allocations = run.collect("allocations", out.allocations());
        var capacityLevels = run.collect("capacity-levels", out.capacityLevels());
        var alerts = run.collect("alerts", out.alerts());
        var deadLetters = run.collect("dead-letters", out.deadLetters());
        run.run();
        return new Results(
                canonicalOrders.elements(),
                availability.elements(),
                allocations.elements(),
                capacityLevels.elements(),
                alerts.elements(),
                deadLetters.elements());
    }

    /** What the run produced. */
    record Results(
            List<OrderEvent> canonicalOrders,
            List<AvailabilityUpdate> availability,
            List<OrderAllocation> allocations,
            List<CapacityLevel> capacityLevels,
            List<Alert> alerts,
            List<DeadLetter> deadLetters) {
        /** The last level published for a SKU at a location ({@code *}: overall): the one of the highest version. */
        AvailabilityUpdate finalAvailability(String sku, String location) {
            return availability.stream()
                    .filter(u -> u.sku.equals(sku) && u.location.equals(location))
                    .max(Comparator.comparingLong(u -> u.version))
                    .orElseThrow(() -> new AssertionError("no availability of " + sku + " at " + location));
        }

        /** The one decision on an order. */
        OrderAllocation allocation(String orderId) {
            List<OrderAllocation> decisions =
                    allocations.stream().filter(a -> a.orderId.equals(orderId)).toList();
            if (decisions.size() != 1) throw new AssertionError("decisions on " + orderId + ": " + decisions);
            return decisions.get(0);
        }

        /** Every decision on an order, in revision order. */
        List<OrderAllocation> decisions(String orderId) {
            return allocations.stream()
                    .filter(a -> a.orderId.equals(orderId))
                    .sorted(Comparator.comparingInt(a -> a.revision))
                    .toList();
        }

        List<Alert> alerts(String type) {
            return alerts.stream().filter(a -> a.type.equals(type)).toList();
        }
    }
}
