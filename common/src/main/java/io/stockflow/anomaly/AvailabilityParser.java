package io.stockflow.anomaly;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import io.stockflow.ledger.AvailabilityUpdate;

/** Reads one {@code inventory.availability} record, as the inventory job writes it. */
public final class AvailabilityParser {
    public AvailabilityUpdate parse(byte[] record) throws InvalidRecordException {
        JsonFields f = JsonFields.parse(record);
        AvailabilityUpdate u = new AvailabilityUpdate();
        u.sku = f.id("sku");
        u.location = f.id("location");
        u.onHand = f.integer("on_hand");
        u.reserved = f.integer("reserved");
        u.safetyStock = f.integer("safety_stock");
        u.available = f.integer("available");
        u.version = f.integer("version");
        u.asOf = f.time("as_of");
        return u;
    }
}
