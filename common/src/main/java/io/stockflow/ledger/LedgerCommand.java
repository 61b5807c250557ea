package io.stockflow.ledger;

import io.stockflow.model.MovementType;

/**
 * One change to one SKU's ledger: what the ingest stage makes of a movement, an order event or a fulfilment event.
 * Compact on purpose: it crosses the keyBy on SKU, so it carries no raw payload.
 */
public class LedgerCommand {
    public enum Kind {
        /** A stock movement at a location. */
        MOVEMENT,
        /** An order asks for {@code quantity} units in total (placement, or a changed quantity). */
        RESERVE,
        /** The order is cancelled: release what it holds. */
        CANCEL,
        /** A warehouse shipped {@code quantity} units of the order from {@code location}. */
        SHIP,
        /** A refund of {@code quantity} units; with {@code restock} they come back to stock. */
        REFUND
    }

    public Kind kind;
    public String sku;
    /** The event that caused the command (movement id, order event id, fulfilment event id). */
    public String eventId;

    public String orderId;
    public String channel;
    public String location;
    public MovementType movementType;
    public long quantity;
    public boolean restock;
    /** True when the RESERVE is part of the order's allocation decision, published on {@code orders.allocations}. */
    public boolean decision;
    /** How many SKU lines the decision has, so the per-order assembly knows when it is complete. */
    public int lineCount;

    public long eventTime;
    /** When the order event was received from its marketplace (epoch millis), 0 when unknown; for latency metrics. */
    public long receivedAt;
    /** RESERVE under a rule set: the ranked candidates and policy; null while no rule set is in force. */
    public RoutePlan route;

    public LedgerCommand() {}

    public static LedgerCommand movement(
            String eventId, String sku, String location, MovementType type, long quantity, long eventTime) {
        LedgerCommand c = new LedgerCommand();
        c.kind = Kind.MOVEMENT;
        c.eventId = eventId;
        c.sku = sku;
        c.location = location;
        c.movementType = type;
        c.quantity = quantity;
        c.eventTime = eventTime;
        return c;
    }

    public static LedgerCommand forOrder(
            Kind kind, String eventId, String orderId, String channel, String sku, long quantity, long eventTime) {
        LedgerCommand c = new LedgerCommand();
        c.kind = kind;
        c.eventId = eventId;
        c.orderId = orderId;
        c.channel = channel;
        c.sku = sku;
        c.quantity = quantity;
        c.eventTime = eventTime;
        return c;
    }

    /** Orders commands of equal event time deterministically: movements first, then by event id. */
    public String sequenceKey() {
        return (kind == Kind.MOVEMENT ? "0|" : "1|") + eventId;
    }

    @Override
    public String toString() {
        return kind + " " + sku + " " + (orderId != null ? orderId + " " : "")
                + (location != null ? "@" + location + " " : "") + (movementType != null ? movementType + " " : "")
                + quantity + " [" + eventId + "]";
    }
}
