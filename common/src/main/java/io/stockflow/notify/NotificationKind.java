package io.stockflow.notify;

/** What a customer notification is about; each kind has its templates in {@code notification-templates.json}. */
public enum NotificationKind {
    ORDER_CONFIRMED(0),
    BACKORDER_NOTICE(-1),
    DELAY_NOTICE(-1),
    SHIPPED(4),
    OUT_FOR_DELIVERY(6),
    DELIVERED(7),
    DELIVERY_FAILED(-1),
    CANCELLED(100),
    REFUNDED(-1),
    SLA_APOLOGY(-1);

    /** For notices of progress: their order. No progress notice goes out after one of a higher rank. */
    public final int rank;

    NotificationKind(int rank) {
        this.rank = rank;
    }
}
