package io.stockflow.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The canonical order event: what every marketplace's payload becomes, published on {@code orders.canonical}.
 * Times are epoch milliseconds (UTC); absent optional values are null. A Flink POJO: public fields, no-arg constructor.
 */
public class OrderEvent {
    /** {@link #fulfilledBy} of an order the marketplace fulfils from its own stock (Amazon FBA: AFN). */
    public static final String MARKETPLACE = "MARKETPLACE";

    /** Deterministic identity from the payload: the same delivery retried gets the same id. */
    public String eventId;
    /** {@code <channel>:<marketplace order id>}. */
    public String orderId;
    /** The marketplace: shopify, amazon, ebay, woocommerce. */
    public String channel;

    public String marketplaceOrderId;
    public OrderEventType type;
    /** The marketplace's own status word, kept for the lifecycle job (e.g. {@code Unshipped}, {@code processing}). */
    public String status;

    public long eventTime;
    public long receivedAt;
    public String currency;
    /** Order total as a decimal string, or null. */
    public String total;

    public String shipCountry;
    public String shipRegion;
    public String shipPostcode;
    /**
     * SHA-256 hex of the ship-to building (country, postcode and first street line, normalized), or null when the
     * marketplace gives no street (Amazon without restricted data): never the address itself.
     */
    public String shipAddressHash;
    /** Normalized service level: STANDARD, EXPEDITED, PRIORITY, SCHEDULED, or null when unknown. */
    public String serviceLevel;

    public Long shipBy;
    public Long deliverBy;
    public List<OrderLine> lines = new ArrayList<>();
    /** For SHIPPED: the location that shipped (when known), the carrier and the tracking code. */
    public String shipLocation;

    public String carrier;
    public String trackingCode;
    /** SHA-256 of the normalized (trimmed, lower-cased) email, hex; never the address itself. */
    public String customerEmailHash;
    /** SHA-256 of the phone's digits, hex; never the number itself. */
    public String customerPhoneHash;
    /**
     * Who ships the order: {@link #MARKETPLACE} when the marketplace fulfils it from stock it holds itself; null when
     * the shop does (its own warehouses).
     */
    public String fulfilledBy;
    /**
     * The marketplace's id of a return that names marketplace lines and no SKU (eBay Post-Order returns): its
     * {@link #marketplaceLines} are resolved by the ingest against the order's, into {@link #lines}, before the event
     * is published. Null for every other event; never published.
     */
    public String returnId;
    /**
     * The lines as the marketplace names them, where a later event names a line and not its SKU: an eBay order's line
     * items (unmerged), a return's line. Empty for other marketplaces; read by the ingest, never published.
     */
    public List<MarketplaceLine> marketplaceLines = new ArrayList<>();

    public OrderEvent() {}

    @Override
    public String toString() {
        return type + " " + orderId + " " + lines + " @" + eventTime + " [" + eventId + "]";
    }
}
