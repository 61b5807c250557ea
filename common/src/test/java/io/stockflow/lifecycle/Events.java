package io.stockflow.lifecycle;

import static io.stockflow.lifecycle.TestConfig.at;

import io.stockflow.allocation.Decision;
import io.stockflow.model.FulfilmentEvent;
import io.stockflow.model.FulfilmentType;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import io.stockflow.tracking.TrackingStatus;
import io.stockflow.tracking.TrackingUpdate;
import java.util.List;

/** Lifecycle inputs for one order, {@code shopify:1}, as tests write them. */
public final class Events {
    public static final String ORDER = "shopify:1";
    public static final String CODE = "1Z999";

    private Events() {}

    public static LifecycleInput placed(String time) {
        OrderEvent e = order(OrderEventType.PLACED, time);
        e.currency = "EUR";
        e.total = "49.00";
        e.shipCountry = "DE";
        e.serviceLevel = "STANDARD";
        e.customerEmailHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        e.lines = List.of(new OrderLine("SKU-A", 1, "49.00"));
        return LifecycleInput.of(e);
    }

    public static OrderEvent order(OrderEventType type, String time) {
        OrderEvent e = new OrderEvent();
        e.eventId = ORDER + ":" + type + ":" + time;
        e.orderId = ORDER;
        e.channel = "shopify";
        e.marketplaceOrderId = "1";
        e.type = type;
        e.eventTime = at(time);
        e.receivedAt = e.eventTime;
        return e;
    }

    public static LifecycleInput cancelled(String time) {
        return LifecycleInput.of(order(OrderEventType.CANCELLED, time));
    }

    public static LifecycleInput allocated(Decision decision, String location, String time) {
        AllocationNotice a = new AllocationNotice();
        a.orderId = ORDER;
        a.channel = "shopify";
        a.decision = decision;
        a.location = location;
        a.backorderedUnits = decision == Decision.ALLOCATED ? 0 : 1;
        a.eventTime = at(time);
        return LifecycleInput.of(a);
    }

    public static LifecycleInput warehouse(FulfilmentType type, String time) {
        FulfilmentEvent f = new FulfilmentEvent();
        f.eventId = "ful-" + type + "-" + time;
        f.orderId = ORDER;
        f.location = "WH-EU";
        f.type = type;
        f.lines = List.of(new OrderLine("SKU-A", 1, null));
        if (type == FulfilmentType.SHIPPED) {
            f.carrier = "UPS";
            f.trackingCode = CODE;
        }
        f.occurredAt = at(time);
        return LifecycleInput.of(f);
    }

    public static TrackingUpdate update(TrackingStatus status, String time) {
        TrackingUpdate u = new TrackingUpdate();
        u.eventId = "aftership:" + CODE + ":" + status + ":" + time;
        u.source = "aftership";
        u.trackingCode = CODE;
        u.carrier = "ups";
        u.status = status;
        u.providerStatus = status.name();
        u.detail = "carrier says " + status;
        u.occurredAt = at(time);
        u.receivedAt = u.occurredAt;
        return u;
    }

    public static LifecycleInput carrier(TrackingStatus status, String time) {
        return LifecycleInput.of(ORDER, update(status, time));
    }
}
