package io.stockflow.flink.inventory;

import io.stockflow.alert.Alert;
import io.stockflow.allocation.OrderAllocation;
import io.stockflow.ingest.OrderContact;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.ledger.LineCorrection;
import io.stockflow.model.DeadLetter;
import io.stockflow.model.OrderEvent;
import io.stockflow.routing.CapacityLevel;
import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What the inventory topology produces, as domain records.
 *
 * @param canonicalOrders one canonical, deduplicated event per marketplace event ({@code orders.canonical})
 * @param availability versioned levels per SKU and location, and {@code *} ({@code inventory.availability})
 * @param allocations one decision per order ({@code orders.allocations})
 * @param capacityLevels shipments planned per location and local day ({@code routing.capacity})
 * @param alerts OVERSELL (one updated episode per SKU when grouping is on, else one per line), LOW_STOCK,
 *     RULE_SET_REJECTED, CAPACITY_EXCEEDED ({@code alerts})
 * @param deadLetters every record the job could not use, with the reason and its raw text ({@code deadletter})
 * @param contacts the raw contact of each order placed, keyed by order ({@code customers.contacts}, restricted)
 * @param corrections moves of a multi-line order's holds ({@code routing.corrections}); present when the corrections
 *     are read back, live
 */
public record InventoryOutputs(
        DataStream<OrderEvent> canonicalOrders,
        DataStream<AvailabilityUpdate> availability,
        DataStream<OrderAllocation> allocations,
        DataStream<CapacityLevel> capacityLevels,
        DataStream<Alert> alerts,
        DataStream<DeadLetter> deadLetters,
        DataStream<OrderContact> contacts,
        Optional<DataStream<LineCorrection>> corrections) {}
