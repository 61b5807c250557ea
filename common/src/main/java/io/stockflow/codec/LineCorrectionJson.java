package io.stockflow.codec;

import io.stockflow.json.Instants;
import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import io.stockflow.json.JsonText;
import io.stockflow.ledger.Allocation;
import io.stockflow.ledger.LineCorrection;

/**
 * The records of the internal topic {@code routing.corrections}: one correction of one order's holds of one SKU,
 * {@code {"order_id", "decision_id", "sku", "targets": [{"location", "quantity", "safety_stock"?}], "rejected",
 * "candidates"?: [location], "event_time"}}.
 */
public final class LineCorrectionJson {
    private LineCorrectionJson() {}

    public static String write(LineCorrection c) {
        return JsonText.object(g -> {
            g.writeStringField("order_id", c.orderId);
            g.writeStringField("decision_id", c.decisionId);
            g.writeStringField("sku", c.sku);
            g.writeArrayFieldStart("targets");
            for (Allocation t : c.targets) {
                g.writeStartObject();
                g.writeStringField("location", t.location);
                g.writeNumberField("quantity", t.quantity);
                Long safety = c.ruleSafety.get(t.location);
                if (safety != null && safety != 0) g.writeNumberField("safety_stock", safety);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeBooleanField("rejected", c.rejected);
            if (!c.candidates.isEmpty()) {
                g.writeArrayFieldStart("candidates");
                for (String location : c.candidates) g.writeString(location);
                g.writeEndArray();
            }
            g.writeStringField("event_time", Instants.format(c.eventTime));
        });
    }

    public static LineCorrection read(byte[] record) throws InvalidRecordException {
        JsonFields fields = JsonFields.parse(record);
        LineCorrection c = new LineCorrection();
        c.orderId = fields.id("order_id");
        c.decisionId = fields.id("decision_id");
        c.sku = fields.id("sku");
        for (JsonFields t : fields.array("targets")) {
            String location = t.id("location");
            long quantity = t.integer("quantity");
            if (quantity <= 0) throw t.invalid("quantity", "must be positive");
            c.targets.add(new Allocation(location, quantity));
            Long safety = t.optInteger("safety_stock");
            if (safety != null && safety != 0) c.ruleSafety.put(location, safety);
        }
        // Records written before the field meant a release when they had no targets.
        c.rejected = fields.has("rejected") ? fields.bool("rejected") : c.targets.isEmpty();
        c.candidates.addAll(fields.optTextArray("candidates"));
        c.eventTime = fields.time("event_time");
        return c;
    }
}
