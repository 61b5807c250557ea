package io.stockflow.ingest;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import io.stockflow.model.FulfilmentEvent;
import io.stockflow.model.FulfilmentType;
import io.stockflow.model.OrderLine;

/** Parses one {@code fulfilment.events} record; every type needs at least one line, each with a positive quantity. */
public final class FulfilmentParser {
    private final LimitChecks checks;

    public FulfilmentParser(IngestLimits limits) {
        this.checks = new LimitChecks(limits);
    }

    public FulfilmentEvent parse(byte[] record) throws InvalidRecordException {
        JsonFields fields = JsonFields.parse(record);
        FulfilmentEvent f = new FulfilmentEvent();
        f.eventId = checks.id(fields, "event_id");
        f.orderId = checks.id(fields, "order_id");
        f.location = checks.id(fields, "location");
        f.type = fields.enumValue("type", FulfilmentType.class);
        f.lines = checks.lines(
                fields,
                "lines",
                true,
                "a " + f.type + " fulfilment event",
                line -> new OrderLine(checks.sku(line, "sku"), checks.quantity(line, "quantity"), null));
        f.carrier = fields.optNonBlank("carrier");
        f.trackingCode = checks.optCode(fields, "tracking_code");
        f.occurredAt = fields.time("occurred_at");
        return f;
    }
}
