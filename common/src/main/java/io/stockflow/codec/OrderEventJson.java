package io.stockflow.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import io.stockflow.json.Instants;
import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import io.stockflow.json.JsonText;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import java.io.IOException;
import java.util.ArrayList;

/**
 * The JSON of {@code orders.canonical} (schema: {@code docs/schemas/orders.canonical.schema.json}): snake_case
 * fields, ISO-8601 UTC times, null values left out, and groups ({@code ship_to}, {@code shipment},
 * {@code customer}) left out when all their fields are null.
 */
public final class OrderEventJson {
    private OrderEventJson() {}

    public static String write(OrderEvent e) {
        return JsonText.object(fields(e));
    }

    /** {@link #write} as UTF-8 bytes. */
    public static byte[] writeUtf8(OrderEvent e) {
        return JsonText.utf8(fields(e));
    }

    private static JsonText.Fields fields(OrderEvent e) {
        return g -> {
            g.writeStringField("event_id", e.eventId);
            g.writeStringField("order_id", e.orderId);
            g.writeStringField("channel", e.channel);
            g.writeStringField("marketplace_order_id", e.marketplaceOrderId);
            g.writeStringField("type", e.type.name());
            optional(g, "status", e.status);
            g.writeStringField("event_time", Instants.format(e.eventTime));
            g.writeStringField("received_at", Instants.format(e.receivedAt));
            optional(g, "currency", e.currency);
            optional(g, "total", e.total);
            if (anyNonNull(e.shipCountry, e.shipRegion, e.shipPostcode, e.shipAddressHash)) {
                g.writeObjectFieldStart("ship_to");
                optional(g, "country", e.shipCountry);
                optional(g, "region", e.shipRegion);
                optional(g, "postcode", e.shipPostcode);
                optional(g, "address_hash", e.shipAddressHash);
                g.writeEndObject();
            }
            optional(g, "service_level", e.serviceLevel);
            optional(g, "fulfilled_by", e.fulfilledBy);
            if (e.shipBy != null) g.writeStringField("ship_by", Instants.format(e.shipBy));
            if (e.deliverBy != null) g.writeStringField("deliver_by", Instants.format(e.deliverBy));
            g.writeArrayFieldStart("lines");
            for (OrderLine line : e.lines) {
                g.writeStartObject();
                g.writeStringField("sku", line.sku);
                g.writeNumberField("quantity", line.quantity);
                optional(g, "unit_price", line.unitPrice);
                g.writeBooleanField("restock", line.restock);
                optional(g, "location", line.location);
                g.writeEndObject();
            }
            g.writeEndArray();
            if (anyNonNull(e.shipLocation, e.carrier, e.trackingCode)) {
                g.writeObjectFieldStart("shipment");
                optional(g, "location", e.shipLocation);
                optional(g, "carrier", e.carrier);
                optional(g, "tracking_code", e.trackingCode);
                g.writeEndObject();
            }
            if (anyNonNull(e.customerEmailHash, e.customerPhoneHash)) {
                g.writeObjectFieldStart("customer");
                optional(g, "email_hash", e.customerEmailHash);
                optional(g, "phone_hash", e.customerPhoneHash);
                g.writeEndObject();
            }
        };
    }

    public static OrderEvent read(byte[] record) throws InvalidRecordException {
        JsonFields f = JsonFields.parse(record);
        OrderEvent e = new OrderEvent();
        e.eventId = f.text("event_id");
        e.orderId = f.text("order_id");
        e.channel = f.text("channel");
        e.marketplaceOrderId = f.text("marketplace_order_id");
        e.type = f.enumValue("type", OrderEventType.class);
        e.status = f.optText("status");
        e.eventTime = f.time("event_time");
        e.receivedAt = f.time("received_at");
        e.currency = f.optText("currency");
        e.total = f.optText("total");
        JsonFields shipTo = f.optObject("ship_to");
        if (shipTo != null) {
            e.shipCountry = shipTo.optText("country");
            e.shipRegion = shipTo.optText("region");
            e.shipPostcode = shipTo.optText("postcode");
            e.shipAddressHash = shipTo.optText("address_hash");
        }
        e.serviceLevel = f.optText("service_level");
        e.fulfilledBy = f.optText("fulfilled_by");
        e.shipBy = f.optTime("ship_by");
        e.deliverBy = f.optTime("deliver_by");
        var lines = f.array("lines");
        e.lines = new ArrayList<>(lines.size());
        for (JsonFields l : lines) {
            OrderLine line = new OrderLine(l.text("sku"), l.integer("quantity"), l.optText("unit_price"));
            line.restock = l.has("restock") && l.bool("restock");
            line.location = l.optText("location");
            e.lines.add(line);
        }
        JsonFields shipment = f.optObject("shipment");
        if (shipment != null) {
            e.shipLocation = shipment.optText("location");
            e.carrier = shipment.optText("carrier");
            e.trackingCode = shipment.optText("tracking_code");
        }
        JsonFields customer = f.optObject("customer");
        if (customer != null) {
            e.customerEmailHash = customer.optText("email_hash");
            e.customerPhoneHash = customer.optText("phone_hash");
        }
        return e;
    }

    private static void optional(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) g.writeStringField(field, value);
    }

    private static boolean anyNonNull(Object... values) {
        for (Object value : values) {
            if (value != null) return true;
        }
        return false;
    }
}
