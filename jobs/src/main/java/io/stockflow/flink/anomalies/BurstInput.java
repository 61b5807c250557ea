package io.stockflow.flink.anomalies;

import io.stockflow.json.Sha256;
import io.stockflow.model.OrderEvent;
import java.nio.charset.StandardCharsets;
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
     * Each identity the order has. The address is the country and postcode, hashed: marketplaces that hide the
     * buyer's contact (Amazon) still give where the parcel goes.
     */
    public static void of(OrderEvent e, Collector<BurstInput> out) {
        String customer = e.customerEmailHash != null ? e.customerEmailHash : e.customerPhoneHash;
        if (customer != null) out.collect(new BurstInput(CUSTOMER, CUSTOMER + ":" + customer, e));
        if (e.shipCountry != null && e.shipPostcode != null && !e.shipPostcode.isBlank()) {
            String address =
                    e.shipCountry + "|" + e.shipPostcode.replaceAll("\\s", "").toUpperCase();
            out.collect(new BurstInput(
                    ADDRESS,
                    ADDRESS + ":"
                            + Sha256.hex(address.getBytes(StandardCharsets.UTF_8))
                                    .substring(0, 32),
                    e));
        }
    }

    public String sequenceKey() {
        return order.eventId;
    }
}
