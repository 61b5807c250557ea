package io.stockflow.flink.anomalies;

import io.stockflow.model.OrderEvent;
import org.apache.flink.util.Collector;

/** A placed order under one identity of its buyer: the customer (email, else phone hash) or the ship-to address. */
public class BurstInput {
    public static final String CUSTOMER = "customer";
    public static final String ADDRESS = "address";

    public String identity;
    public String kind;
    public OrderEvent order;

    public BurstInput() {}

    public BurstInput(String kind, String identity, OrderEvent order) {
        this.kind = kind;
        this.identity = identity;
        this.order = order;
    }

    /**
     * Each identity the order has: the customer, and the ship-to building (country, postcode and first street line,
     * hashed at ingest). An order without a street (Amazon gives only the postcode unless the seller has restricted
     * data) has no address identity: a postcode is shared by thousands of households, and bursts judged on it flag
     * every order of a shop whose buyers live in one area.
     */
    public static void of(OrderEvent e, Collector<BurstInput> out) {
        String customer = e.customerEmailHash != null ? e.customerEmailHash : e.customerPhoneHash;
        if (customer != null) out.collect(new BurstInput(CUSTOMER, CUSTOMER + ":" + customer, e));
        if (e.shipAddressHash != null && !e.shipAddressHash.isBlank()) {
            out.collect(new BurstInput(ADDRESS, ADDRESS + ":" + e.shipAddressHash, e));
        }
    }

    /** What the identity is made of, for the alert: {@link #ADDRESS_KEY} or {@link #CUSTOMER_KEY}. */
    public String keyUsed() {
        return ADDRESS.equals(kind) ? ADDRESS_KEY : CUSTOMER_KEY;
    }

    public static final String ADDRESS_KEY = "country+postcode+street";
    public static final String CUSTOMER_KEY = "email-or-phone";

    public String sequenceKey() {
        return order.eventId;
    }
}
