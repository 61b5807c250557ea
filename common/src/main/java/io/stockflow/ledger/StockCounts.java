package io.stockflow.ledger;

import io.stockflow.json.JsonText;
import io.stockflow.model.DeadLetter;
import java.time.Duration;
import java.time.Instant;

/** The dead letter of a stock count the ledger cannot place in event-time order. */
final class StockCounts {
    static final String SOURCE_TOPIC = "inventory.movements";

    private StockCounts() {}

    /**
     * A count as of a time at or before an on-hand change the position no longer remembers: its level plus the
     * changes after it cannot be known, so it is not applied.
     */
    static DeadLetter tooLate(LedgerCommand c, long forgottenUpTo, Duration lateness, long detectedAt) {
        String error = "COUNT of " + c.quantity + " " + c.sku + " at " + c.location + " as of "
                + Instant.ofEpochMilli(c.eventTime) + " is older than an on-hand change of "
                + Instant.ofEpochMilli(forgottenUpTo)
                + " that the ledger no longer keeps (it keeps the changes of the allowed count lateness, " + lateness
                + ", behind the position's newest): not applied; the position keeps its level, send a new count";
        String raw = JsonText.object(g -> {
            g.writeStringField("movement_id", c.eventId);
            g.writeStringField("sku", c.sku);
            g.writeStringField("location", c.location);
            g.writeStringField("type", c.movementType.name());
            g.writeNumberField("quantity", c.quantity);
            g.writeStringField("occurred_at", Instant.ofEpochMilli(c.eventTime).toString());
        });
        return new DeadLetter(SOURCE_TOPIC, error, raw, detectedAt);
    }
}
