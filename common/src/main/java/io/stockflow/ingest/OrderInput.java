package io.stockflow.ingest;

import io.stockflow.ledger.RoutePlan;
import io.stockflow.model.FulfilmentEvent;
import io.stockflow.model.OrderEvent;

/** What reaches the per-order gate: a canonical order event or a fulfilment event, exactly one of them set. */
public class OrderInput {
    public OrderEvent order;
    public FulfilmentEvent fulfilment;
    /** Set by the router on placements and updates while a rule set is in force; null otherwise. */
    public RoutePlan route;

    public OrderInput() {}

    public static OrderInput of(OrderEvent order) {
        OrderInput in = new OrderInput();
        in.order = order;
        return in;
    }

    public static OrderInput of(FulfilmentEvent fulfilment) {
        OrderInput in = new OrderInput();
        in.fulfilment = fulfilment;
        return in;
    }

    public String orderId() {
        return order != null ? order.orderId : fulfilment.orderId;
    }

    public String eventId() {
        return order != null ? order.eventId : fulfilment.eventId;
    }

    public long eventTime() {
        return order != null ? order.eventTime : fulfilment.occurredAt;
    }

    /** Orders inputs of equal event time deterministically: order events before fulfilment events, then by id. */
    public String sequenceKey() {
        return (order != null ? "0|" : "1|") + eventId();
    }
}
