package io.stockflow.flink.sync;

import io.stockflow.flink.io.RawRecord;
import io.stockflow.model.OrderEvent;
import io.stockflow.shipments.OrderAction;
import io.stockflow.shipments.ShipmentSyncRecord;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What the sync topology reads to tell the marketplaces of shipments and rejected orders.
 *
 * @param orders     the canonical order events ({@code orders.canonical}): each order's channel and its id there
 * @param decisions  the allocation decisions ({@code orders.allocations}) as the inventory job wrote them, read into
 *     {@link OrderAction}s: a REJECTED one is a cancellation, any other nothing
 * @param fulfilments warehouse events as they were sent ({@code fulfilment.events}): a SHIPPED one is a shipment to
 *     confirm; reading them and dead-lettering a bad one is the job's own work
 * @param answers the job's own {@code channel.shipments} records read back (live on Kafka only): a FAILED call goes
 *     again; empty in bounded runs
 */
public record ShipmentInputs(
        DataStream<OrderEvent> orders,
        DataStream<OrderAction> decisions,
        DataStream<RawRecord> fulfilments,
        Optional<DataStream<ShipmentSyncRecord>> answers) {
    public ShipmentInputs {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(decisions, "decisions");
        Objects.requireNonNull(fulfilments, "fulfilments");
        Objects.requireNonNull(answers, "answers");
    }
}
