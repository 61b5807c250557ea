package io.stockflow.notify;

/** What template branches may test about an order and the moment it is notified. */
public final class NotificationFacts {
    public boolean highValue;
    public String serviceLevel;
    /** The customer has already had a delay notice or an apology for this order. */
    public boolean repeated;
    /** The carrier status of a delivery notice, or the SLA (SHIP, DELIVERY) of an apology; may be null. */
    public String status;

    public NotificationFacts() {}
}
