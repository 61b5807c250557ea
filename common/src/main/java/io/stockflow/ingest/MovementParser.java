package io.stockflow.ingest;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import io.stockflow.model.Movement;
import io.stockflow.model.MovementType;

/**
 * Parses one {@code inventory.movements} record. The quantity is kept as sent; its valid range depends on the type:
 * positive where the type gives the sign, non-zero for ADJUSTMENT, not negative for COUNT.
 */
public final class MovementParser {
    private final LimitChecks checks;

    public MovementParser(IngestLimits limits) {
        this.checks = new LimitChecks(limits);
    }

    public Movement parse(byte[] record) throws InvalidRecordException {
        JsonFields fields = JsonFields.parse(record);
        Movement m = new Movement();
        m.movementId = checks.id(fields, "movement_id");
        m.sku = checks.sku(fields, "sku");
        m.location = checks.id(fields, "location");
        m.type = fields.enumValue("type", MovementType.class);
        m.quantity = checks.signedQuantity(fields, "quantity");
        checkSign(m.type, m.quantity);
        m.occurredAt = fields.time("occurred_at");
        return m;
    }

    private static void checkSign(MovementType type, long quantity) throws InvalidRecordException {
        switch (type.sign) {
            case POSITIVE:
            case NEGATIVE:
                if (quantity <= 0) throw signError(type, "must be positive", quantity);
                break;
            case SIGNED:
                if (quantity == 0) throw signError(type, "must not be zero", quantity);
                break;
            case ABSOLUTE:
                if (quantity < 0) throw signError(type, "must not be negative", quantity);
                break;
            default:
                throw new IllegalStateException("unhandled sign " + type.sign);
        }
    }

    private static InvalidRecordException signError(MovementType type, String rule, long quantity) {
        return new InvalidRecordException(type + " quantity " + rule + ", got " + quantity);
    }
}
