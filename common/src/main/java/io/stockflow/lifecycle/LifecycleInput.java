package io.stockflow.lifecycle;

import io.stockflow.model.FulfilmentEvent;
import io.stockflow.model.OrderEvent;
import io.stockflow.tracking.TrackingUpdate;

/**
 * What reaches an order's lifecycle: exactly one of a canonical order event, an allocation decision, a warehouse
 * event or a carrier update (the latter linked to the order through its tracking code).
 */
public class LifecycleInput {
    public String orderId;
    public OrderEvent order;
    public AllocationNotice allocation;
    public FulfilmentEvent fulfilment;
    public TrackingUpdate tracking;
    /** For a carrier update: the location of the shipment that named its tracking code, when known. */
    public String shippedFrom;

    public LifecycleInput() {}

    public static LifecycleInput of(OrderEvent order) {
        LifecycleInput in = new LifecycleInput();
        in.orderId = order.orderId;
        in.order = order;
        return in;
    }

    public static LifecycleInput of(AllocationNotice allocation) {
        LifecycleInput in = new LifecycleInput();
        in.orderId = allocation.orderId;
        in.allocation = allocation;
        return in;
    }

    public static LifecycleInput of(FulfilmentEvent fulfilment) {
        LifecycleInput in = new LifecycleInput();
        in.orderId = fulfilment.orderId;
        in.fulfilment = fulfilment;
        return in;
    }

    public static LifecycleInput of(String orderId, TrackingUpdate tracking) {
        return of(orderId, tracking, null);
    }

    public static LifecycleInput of(String orderId, TrackingUpdate tracking, String shippedFrom) {
        LifecycleInput in = new LifecycleInput();
        in.orderId = orderId;
        in.tracking = tracking;
        in.shippedFrom = shippedFrom;
        return in;
    }

    public long eventTime() {
        if (order != null) return order.eventTime;
        if (allocation != null) return allocation.eventTime;
        if (fulfilment != null) return fulfilment.occurredAt;
        return tracking.occurredAt;
    }

    public String eventId() {
        if (order != null) return order.eventId;
        if (allocation != null) return "allocation:" + allocation.orderId + ":" + allocation.decision;
        if (fulfilment != null) return fulfilment.eventId;
        return tracking.eventId;
    }

    /** Orders inputs of equal event time deterministically: order, allocation, warehouse, carrier; then by id. */
    public String sequenceKey() {
        int kind = order != null ? 0 : allocation != null ? 1 : fulfilment != null ? 2 : 3;
        return kind + "|" + eventId();
    }

    @Override
    public String toString() {
        Object what =
                order != null ? order : allocation != null ? allocation : fulfilment != null ? fulfilment : tracking;
        return orderId + ": " + what;
    }
}
