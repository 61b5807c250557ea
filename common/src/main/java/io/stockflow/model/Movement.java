package io.stockflow.model;

/**
 * A validated record of {@code inventory.movements}. {@code quantity} is as sent: positive for RECEIPT, TRANSFER_IN,
 * RETURN_RESTOCK, TRANSFER_OUT and DAMAGED (the type gives the sign), signed for ADJUSTMENT, absolute for COUNT.
 */
public class Movement {
    public String movementId;
    public String sku;
    public String location;
    public MovementType type;
    public long quantity;
    public long occurredAt;

    public Movement() {}

    public Movement(String movementId, String sku, String location, MovementType type, long quantity, long occurredAt) {
        this.movementId = movementId;
        this.sku = sku;
        this.location = location;
        this.type = type;
        this.quantity = quantity;
        this.occurredAt = occurredAt;
    }

    @Override
    public String toString() {
        return type + " " + sku + "@" + location + " " + quantity + " [" + movementId + "]";
    }
}
