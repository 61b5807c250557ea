package io.stockflow.codec;

import io.stockflow.json.Instants;
import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import io.stockflow.json.JsonText;
import io.stockflow.shipments.ShipmentSyncRecord;

/** Writes a {@code channel.shipments} record ({@code docs/schemas/channel.shipments.schema.json}), and reads one back. */
public final class ShipmentSyncJson {
    private ShipmentSyncJson() {}

    public static String write(ShipmentSyncRecord r) {
        return JsonText.object(g -> {
            g.writeStringField("action", r.action);
            g.writeStringField("order_id", r.orderId);
            g.writeStringField("channel", r.channel);
            g.writeStringField("marketplace_order_id", r.marketplaceOrderId);
            if (r.shipmentId != null) g.writeStringField("shipment_id", r.shipmentId);
            if (r.carrier != null) g.writeStringField("carrier", r.carrier);
            if (r.trackingCode != null) g.writeStringField("tracking_code", r.trackingCode);
            if (r.shipmentId != null) g.writeNumberField("units", r.units);
            if (r.cancelReason != null) g.writeStringField("cancel_reason", r.cancelReason);
            g.writeStringField("status", r.status);
            g.writeBooleanField("found_on_channel", r.foundOnChannel);
            g.writeNumberField("attempts", r.attempts);
            g.writeNumberField("latency_ms", r.latencyMs);
            if (r.reason != null) g.writeStringField("reason", r.reason);
            g.writeStringField("sent_at", Instants.format(r.sentAt));
        });
    }

    public static ShipmentSyncRecord read(byte[] record) throws InvalidRecordException {
        JsonFields f = JsonFields.parse(record);
        ShipmentSyncRecord r = new ShipmentSyncRecord();
        r.action = f.id("action");
        r.orderId = f.id("order_id");
        r.channel = f.id("channel");
        r.marketplaceOrderId = f.id("marketplace_order_id");
        r.shipmentId = f.optText("shipment_id");
        r.carrier = f.optText("carrier");
        r.trackingCode = f.optText("tracking_code");
        Long units = f.optInteger("units");
        r.units = units == null ? 0 : units;
        r.cancelReason = f.optText("cancel_reason");
        r.status = f.id("status");
        r.foundOnChannel = f.bool("found_on_channel");
        r.attempts = (int) f.integer("attempts");
        r.latencyMs = f.integer("latency_ms");
        r.reason = f.optText("reason");
        r.sentAt = f.time("sent_at");
        return r;
    }
}
