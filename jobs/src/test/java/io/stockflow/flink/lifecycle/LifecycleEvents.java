package io.stockflow.flink.lifecycle;

import io.stockflow.allocation.Decision;
import io.stockflow.lifecycle.AllocationNotice;
import io.stockflow.lifecycle.LifecycleInput;
import io.stockflow.model.FulfilmentEvent;
import io.stockflow.model.FulfilmentType;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import io.stockflow.tracking.TrackingStatus;
import io.stockflow.tracking.TrackingUpdate;
import java.time.Instant;
import java.util.List;

/**
 * Inputs of one order, {@code shopify:7}, placed at WH-EAST (default policy: New York, cut-off 15:00, ships by 23:59
 * local; shopify STANDARD has 2 handling days).
 */
final class LifecycleEvents {
    static final String ORDER = "shopify:7";
    static final String CODE = "1Z7";

    private LifecycleEvents() {}

    static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    static LifecycleInput placed(String time) {
        return LifecycleInput.of(placedOrder(ORDER, time));
    }

    /** A STANDARD order of one SKU-A for 30.00 USD to the US, with the buyer's email hash. */
    static OrderEvent placedOrder(String orderId, String time) {
        OrderEvent e = order(orderId, OrderEventType.PLACED, time);
        e.currency = "USD";
        e.total = "30.00";
        e.shipCountry = "US";
        e.serviceLevel = "STANDARD";
        e.customerEmailHash = "5d41402abc4b2a76b9719d911017c592";
        e.lines = List.of(new OrderLine("SKU-A", 1, "30.00"));
        return e;
    }

    static OrderEvent order(OrderEventType type, String time) {
        return order(ORDER, type, time);
    }

    /** An event of a Shopify order ({@code orderId} is {@code shopify:<id>}). */
    static OrderEvent order(String orderId, OrderEventType type, String time) {
        OrderEvent e = new OrderEvent();
        e.eventId = orderId + ":" + type + ":" + time;
        e.orderId = orderId;
        e.channel = "shopify";
        e.marketplaceOrderId = orderId.substring(orderId.indexOf(':') + 1);
        e.type = type;
        e.eventTime = at(time);
        e.receivedAt = e.eventTime;
        return e;
    }

    static LifecycleInput allocated(String time) {
        return LifecycleInput.of(allocation(ORDER, time));
    }

    /** The order allocated whole at WH-EAST. */
    static AllocationNotice allocation(String orderId, String time) {
        AllocationNotice a = new AllocationNotice();
        a.orderId = orderId;
        a.decision = Decision.ALLOCATED;
        a.location = "WH-EAST";
        a.eventTime = at(time);
        return a;
    }

    static LifecycleInput warehouse(FulfilmentType type, String time) {
        FulfilmentEvent f = new FulfilmentEvent();
        f.eventId = "ful-" + type + "-" + time;
        f.orderId = ORDER;
        f.location = "WH-EAST";
        f.type = type;
        f.lines = List.of(new OrderLine("SKU-A", 1, null));
        if (type == FulfilmentType.SHIPPED) {
            f.carrier = "UPS";
            f.trackingCode = CODE;
        }
        f.occurredAt = at(time);
        return LifecycleInput.of(f);
    }

    static TrackingUpdate update(String code, TrackingStatus status, String time) {
        TrackingUpdate u = new TrackingUpdate();
        u.eventId = "easypost:" + code + ":" + status + ":" + time;
        u.source = "easypost";
        u.trackingCode = code;
        u.carrier = "UPS";
        u.status = status;
        u.providerStatus = status.name().toLowerCase();
        u.occurredAt = at(time);
        u.receivedAt = u.occurredAt;
        return u;
    }

    static LifecycleInput carrier(TrackingStatus status, String time) {
        return LifecycleInput.of(ORDER, update(CODE, status, time));
    }
}
