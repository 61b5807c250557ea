package io.stockflow.ingest;

import io.stockflow.json.JsonText;
import io.stockflow.model.MarketplaceLine;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives a return that names its order's lines and not their SKUs ({@link OrderEvent#returnId}, eBay Post-Order) the
 * SKU of each line, from the lines the order itself had. It is refused, with the reason, when the order was never seen
 * (or forgotten), when the order has no such line, or when it gives back more units than the line had.
 */
public final class ReturnLines {
    /** The order's lines by their marketplace reference, as the ingest keeps them. */
    @FunctionalInterface
    public interface Known {
        /** The order's line with this reference, or null. */
        MarketplaceLine line(String ref) throws Exception;
    }

    private ReturnLines() {}

    /**
     * Sets the SKU of each of the return's lines from {@code known}; returns null when every line resolved, else why
     * not (the event is then left as it was). {@code orderSeen} says whether the ingest has seen the order at all, and
     * {@code knownRefs} lists the order's line references for the reason.
     */
    public static String resolve(OrderEvent e, boolean orderSeen, Known known, Iterable<String> knownRefs)
            throws Exception {
        if (e.marketplaceLines == null || e.marketplaceLines.isEmpty() || e.lines.size() != e.marketplaceLines.size()) {
            return "return " + e.returnId + " names no line of order '" + e.orderId + "'";
        }
        String[] skus = new String[e.lines.size()];
        for (int i = 0; i < skus.length; i++) {
            MarketplaceLine named = e.marketplaceLines.get(i);
            if (!orderSeen) {
                return "return " + e.returnId + " is for order '" + e.orderId + "', which the ingest has not seen (or"
                        + " has forgotten, stockflow.orders.ttl after its last event): the SKU of line " + named.ref
                        + " is unknown";
            }
            MarketplaceLine line = known.line(named.ref);
            if (line == null) {
                List<String> refs = new ArrayList<>();
                for (String ref : knownRefs) refs.add(ref);
                return "return " + e.returnId + " names line " + named.ref + " (itemId-transactionId), which order '"
                        + e.orderId + "' does not have (its lines: "
                        + (refs.isEmpty() ? "none known" : String.join(", ", refs)) + ")";
            }
            if (named.quantity > line.quantity) {
                return "return " + e.returnId + " gives back " + named.quantity + " units of line " + named.ref
                        + " (sku '" + line.sku + "'), which had only " + line.quantity;
            }
            skus[i] = line.sku;
        }
        for (int i = 0; i < skus.length; i++) {
            OrderLine line = e.lines.get(i);
            line.sku = skus[i];
            e.marketplaceLines.get(i).sku = skus[i];
        }
        return null;
    }

    /** What a refused return said, for its dead letter: its raw payload does not travel past the parser. */
    public static String summary(OrderEvent e) {
        return JsonText.object(g -> {
            g.writeStringField("source", e.channel);
            g.writeStringField("kind", EbayReturns.RETURN);
            g.writeStringField("return_id", e.returnId);
            g.writeStringField("order_id", e.orderId);
            g.writeStringField("status", e.status);
            g.writeArrayFieldStart("lines");
            for (int i = 0; i < e.marketplaceLines.size(); i++) {
                g.writeStartObject();
                g.writeStringField("line", e.marketplaceLines.get(i).ref);
                g.writeNumberField("quantity", e.marketplaceLines.get(i).quantity);
                if (i < e.lines.size()) g.writeBooleanField("restock", e.lines.get(i).restock);
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }
}
