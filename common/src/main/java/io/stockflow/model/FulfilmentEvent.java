package io.stockflow.model;

import java.util.ArrayList;
import java.util.List;

/** A validated record of {@code fulfilment.events}; lines carry sku and quantity only. */
public class FulfilmentEvent {
    public String eventId;
    public String orderId;
    public String location;
    public FulfilmentType type;
    public List<OrderLine> lines = new ArrayList<>();
    public String carrier;
    public String trackingCode;
    public long occurredAt;

    public FulfilmentEvent() {}

    @Override
    public String toString() {
        return type + " " + orderId + " from " + location + " " + lines + " [" + eventId + "]";
    }
}
