package io.stockflow.flink.lifecycle;

import io.stockflow.flink.io.RawRecord;
import io.stockflow.lifecycle.AllocationNotice;
import io.stockflow.model.OrderEvent;
import java.util.Objects;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What the lifecycle topology reads. The inventory job's records come typed: in one graph they are that job's output,
 * and reading them back from a topic is the reverse of writing them. Warehouse and carrier records come as they were
 * sent: reading each provider's payload and dead-lettering what does not read, with the field's path, is the job's
 * own work.
 *
 * @param canonicalOrders canonical order events ({@code orders.canonical})
 * @param allocations allocation decisions, as far as the lifecycle needs them ({@code orders.allocations})
 * @param fulfilmentEvents warehouse PICKED / PACKED / SHIPPED events ({@code fulfilment.events})
 * @param carrierUpdates EasyPost, AfterShip and Shippo webhooks in an envelope ({@code carrier.tracking})
 */
public record LifecycleInputs(
        DataStream<OrderEvent> canonicalOrders,
        DataStream<AllocationNotice> allocations,
        DataStream<RawRecord> fulfilmentEvents,
        DataStream<RawRecord> carrierUpdates) {
    public LifecycleInputs {
        Objects.requireNonNull(canonicalOrders, "canonicalOrders");
        Objects.requireNonNull(allocations, "allocations");
        Objects.requireNonNull(fulfilmentEvents, "fulfilmentEvents");
        Objects.requireNonNull(carrierUpdates, "carrierUpdates");
    }
}
