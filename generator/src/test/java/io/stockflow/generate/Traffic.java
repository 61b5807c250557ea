package io.stockflow.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Test helpers: generated runs, and what an {@code orders.raw} envelope says, read straight from its JSON. */
final class Traffic {
    static final ObjectMapper MAPPER = new ObjectMapper();

    enum Step {
        CREATE,
        CANCEL,
        REFUND,
        /** The marketplace shipped an order it fulfils itself (Amazon FBA). */
        SHIP,
        /** The seller received a returned line back (eBay's Post-Order return). */
        RETURN
    }

    /** One order envelope: its canonical order id, what happened and when the marketplace says it did. */
    static final class OrderEnvelope {
        final GeneratedRecord record;
        final String source;
        final String kind;
        final String orderId;
        final Step step;

        OrderEnvelope(GeneratedRecord record, String source, String kind, String orderId, Step step) {
            this.record = record;
            this.source = source;
            this.kind = kind;
            this.orderId = orderId;
            this.step = step;
        }
    }

    private Traffic() {}

    static GeneratorSettings oneDay(long seed) {
        GeneratorSettings s = new GeneratorSettings();
        s.seed = seed;
        return s;
    }

    static List<GeneratedRecord> all(GeneratorSettings s) {
        List<GeneratedRecord> out = new ArrayList<>();
        for (Iterator<GeneratedRecord> it = new TrafficGenerator(s).records(); it.hasNext(); ) out.add(it.next());
        return out;
    }

    static JsonNode json(GeneratedRecord r) {
        try {
            return MAPPER.readTree(r.value);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + r, e);
        }
    }

    /** A good or duplicate {@code orders.raw} record, read by its source's shape. */
    static OrderEnvelope order(GeneratedRecord r) {
        JsonNode envelope = json(r);
        String source = envelope.get("source").asText();
        String kind = envelope.get("kind").asText();
        JsonNode p = envelope.get("payload");
        switch (source) {
            case "shopify":
                if (kind.equals("refunds/create")) {
                    return new OrderEnvelope(
                            r, source, kind, "shopify:" + p.get("order_id").asText(), Step.REFUND);
                }
                return new OrderEnvelope(
                        r,
                        source,
                        kind,
                        "shopify:" + p.get("id").asText(),
                        kind.equals("orders/cancelled") ? Step.CANCEL : Step.CREATE);
            case "amazon": {
                if (kind.equals("REFUND_EVENT")) {
                    return new OrderEnvelope(
                            r, source, kind, "amazon:" + p.get("AmazonOrderId").asText(), Step.REFUND);
                }
                if (kind.equals("FBA_CUSTOMER_RETURN")) {
                    return new OrderEnvelope(
                            r, source, kind, "amazon:" + p.get("order-id").asText(), Step.REFUND);
                }
                JsonNode change = p.get("Payload").get("OrderChangeNotification");
                String status = change.get("Summary").get("OrderStatus").asText();
                return new OrderEnvelope(
                        r,
                        source,
                        kind,
                        "amazon:" + change.get("AmazonOrderId").asText(),
                        status.equals("Canceled") ? Step.CANCEL : status.equals("Shipped") ? Step.SHIP : Step.CREATE);
            }
            case "ebay": {
                if (kind.equals("return")) {
                    return new OrderEnvelope(
                            r, source, kind, "ebay:" + p.get("orderId").asText(), Step.RETURN);
                }
                String payment = p.get("orderPaymentStatus").asText();
                boolean cancelled =
                        p.get("cancelStatus").get("cancelState").asText().equals("CANCELED");
                boolean refunded = payment.equals("PARTIALLY_REFUNDED") || payment.equals("FULLY_REFUNDED");
                return new OrderEnvelope(
                        r,
                        source,
                        kind,
                        "ebay:" + p.get("orderId").asText(),
                        cancelled ? Step.CANCEL : refunded ? Step.REFUND : Step.CREATE);
            }
            case "woocommerce":
                if (kind.equals("refund.created")) {
                    return new OrderEnvelope(
                            r, source, kind, "woocommerce:" + p.get("order_id").asText(), Step.REFUND);
                }
                return new OrderEnvelope(
                        r,
                        source,
                        kind,
                        "woocommerce:" + p.get("id").asText(),
                        p.get("status").asText().equals("cancelled") ? Step.CANCEL : Step.CREATE);
            default:
                throw new AssertionError("unexpected source " + source + " in " + r);
        }
    }
}
