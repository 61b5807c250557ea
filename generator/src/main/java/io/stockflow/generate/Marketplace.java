package io.stockflow.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;

/**
 * Builds one marketplace's native payloads, in the shape its API documents: the order as placed, the order cancelled
 * and, for those that send them, refunds. One instance per generator run: it owns the marketplace's id sequences.
 */
abstract class Marketplace {
    /** The envelope {@code source}. */
    abstract String source();

    /** Gives the order its marketplace id, display number and line ids; unique within the run. */
    abstract void assignIds(SimOrder o, SplittableRandom r);

    /** Time from the purchase to the marketplace's event about it (Amazon confirms the payment first). */
    long createdDelay(SplittableRandom r) {
        return 0;
    }

    /** Time from the marketplace's event until its delivery reaches stockflow (webhook, queue or poll). */
    abstract long latency(long eventAt, SplittableRandom r);

    abstract String createdKind();

    abstract ObjectNode created(SimOrder o);

    abstract String cancelledKind();

    abstract ObjectNode cancelled(SimOrder o);

    /** Whether this marketplace reports refunds (or returns) at all. */
    boolean refunds() {
        return false;
    }

    /**
     * Whether it reports a refund of {@code o} as {@link SimOrder#refundRestockType} plans it: the marketplaces
     * that refund only what shipped leave out Shopify's partial refund of an order not yet shipped ({@code cancel}).
     */
    boolean refunds(SimOrder o) {
        return refunds();
    }

    /** The kind of the refund (or return) of {@code o}. */
    String refundKind(SimOrder o) {
        throw new UnsupportedOperationException(source() + " sends no refunds");
    }

    ObjectNode refunded(SimOrder o) {
        throw new UnsupportedOperationException(source() + " sends no refunds");
    }

    /**
     * Whether the returned units of a refund of {@code o} come back to the shop's warehouse without the refund saying
     * so: the warehouse books them ({@code RETURN_RESTOCK}).
     */
    boolean warehouseBooksReturn(SimOrder o) {
        return false;
    }

    /**
     * Whether the marketplace reports a returned item itself when the seller receives it back (eBay's Post-Order
     * returns): then {@link #returned} makes one record per returned line, and the warehouse books nothing.
     */
    boolean reportsReturns() {
        return false;
    }

    /** The kind of a {@link #returned} record. */
    String returnKind() {
        throw new UnsupportedOperationException(source() + " reports no returns");
    }

    /** The return of one line of {@code o}, received back by the seller ({@link SimOrder#returnAt}). */
    ObjectNode returned(SimOrder o, SimOrder.RefundLine line) {
        throw new UnsupportedOperationException(source() + " reports no returns");
    }

    /** The kind of the marketplace's own shipment of an order it fulfils ({@link SimOrder#byMarketplace}). */
    String shippedKind() {
        throw new UnsupportedOperationException(source() + " fulfils no orders itself");
    }

    ObjectNode shipped(SimOrder o) {
        throw new UnsupportedOperationException(source() + " fulfils no orders itself");
    }

    /** A kind this marketplace really has but stockflow does not read, for unusable test records. */
    abstract String unknownKind(SplittableRandom r);

    /** The order lines of a payload made by {@link #created}, and the names of their sku and quantity fields. */
    abstract ArrayNode lineArray(ObjectNode payload);

    String skuField() {
        return "sku";
    }

    /** Every field that carries a line's quantity: a broken record breaks them all alike. */
    String[] quantityFields() {
        return new String[] {"quantity"};
    }

    /** A webhook's delivery time: 0.2 to about 3 seconds. */
    static long webhookLatency(SplittableRandom r) {
        return 200 + Formats.exponential(r, 700);
    }
}
