package io.stockflow.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.model.MovementType;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Records that stockflow must refuse and dead-letter, each labelled {@code bad:<what>}: they start from a well-formed
 * record (with fresh ids, so they never touch a real order) and break one thing.
 */
final class BadRecords {
    enum Kind {
        BROKEN_JSON("broken-json"),
        UNKNOWN_SOURCE("unknown-source"),
        UNKNOWN_KIND("unknown-kind"),
        ORDER_WITHOUT_LINES("order-without-lines"),
        NEGATIVE_QUANTITY("negative-quantity"),
        NEGATIVE_RECEIPT("negative-receipt"),
        ABSURD_QUANTITY("absurd-quantity"),
        MISSING_SKU("missing-sku"),
        WRONG_TYPE("wrong-type");

        final String label;

        Kind(String name) {
            this.label = GeneratedRecord.BAD_PREFIX + name;
        }
    }

    static final long ABSURD = 10_000_000L;
    private static final String[] UNKNOWN_SOURCES = {"etsy", "walmart", "tiktok_shop"};
    private static final Kind[] KINDS = Kind.values();

    private final OrderFactory factory;
    private final Map<String, Marketplace> marketplaces;
    private final List<String> channels;
    private final Movements movements;
    private final Shipments shipments;
    private final List<String> locations;
    private final Catalog catalog;

    BadRecords(
            OrderFactory factory,
            Map<String, Marketplace> marketplaces,
            List<String> channels,
            Movements movements,
            Shipments shipments,
            List<String> locations,
            Catalog catalog) {
        this.factory = factory;
        this.marketplaces = marketplaces;
        this.channels = channels;
        this.movements = movements;
        this.shipments = shipments;
        this.locations = locations;
        this.catalog = catalog;
    }

    GeneratedRecord make(long at, SplittableRandom r) {
        Kind kind = KINDS[r.nextInt(KINDS.length)];
        switch (kind) {
            case BROKEN_JSON: {
                double u = r.nextDouble();
                GeneratedRecord whole =
                        u < 0.6 ? order(at, r, kind) : u < 0.8 ? movement(at, r, kind) : shipment(at, r, kind);
                String text = whole.value;
                int cut = (int) (text.length() * (0.3 + 0.6 * r.nextDouble()));
                return new GeneratedRecord(whole.topic, text.substring(0, cut), at, kind.label);
            }
            case UNKNOWN_SOURCE: {
                SimOrder o = factory.create("shopify", placedBefore(at), r.split());
                return envelope(
                        Formats.pick(r, UNKNOWN_SOURCES),
                        "orders/create",
                        at,
                        marketplaces.get("shopify").created(o),
                        kind);
            }
            case UNKNOWN_KIND: {
                String channel = channels.get(r.nextInt(channels.size()));
                Marketplace m = marketplaces.get(channel);
                SimOrder o = factory.create(channel, placedBefore(at), r.split());
                return envelope(channel, m.unknownKind(r), at, m.created(o), kind);
            }
            case ORDER_WITHOUT_LINES:
                return order(at, r, kind);
            case NEGATIVE_RECEIPT:
                return movement(at, r, kind);
            default: {
                double u = r.nextDouble();
                if (kind == Kind.NEGATIVE_QUANTITY) return u < 0.7 ? order(at, r, kind) : shipment(at, r, kind);
                return u < 0.5 ? order(at, r, kind) : u < 0.75 ? movement(at, r, kind) : shipment(at, r, kind);
            }
        }
    }

    /** A new order's create event, broken in its first line (or, for broken JSON, left whole to be cut). */
    private GeneratedRecord order(long at, SplittableRandom r, Kind kind) {
        String channel = channels.get(r.nextInt(channels.size()));
        Marketplace m = marketplaces.get(channel);
        SimOrder o = factory.create(channel, placedBefore(at), r.split());
        ObjectNode payload = m.created(o);
        ArrayNode lines = m.lineArray(payload);
        if (kind == Kind.ORDER_WITHOUT_LINES) lines.removeAll();
        else if (kind != Kind.BROKEN_JSON)
            breakLine((ObjectNode) lines.get(0), m.skuField(), m.quantityFields(), kind, r);
        return envelope(channel, m.createdKind(), at, payload, kind);
    }

    private GeneratedRecord movement(long at, SplittableRandom r, Kind kind) {
        String sku = catalog.sku(catalog.sample(r));
        String location = locations.get(r.nextInt(locations.size()));
        long quantity = kind == Kind.NEGATIVE_RECEIPT ? -4 : someCases(r);
        ObjectNode movement = movements.movement(MovementType.RECEIPT, sku, location, quantity, at);
        if (kind != Kind.BROKEN_JSON && kind != Kind.NEGATIVE_RECEIPT) {
            breakLine(movement, "sku", new String[] {"quantity"}, kind, r);
        }
        return movements.record(movement, at, kind.label);
    }

    private GeneratedRecord shipment(long at, SplittableRandom r, Kind kind) {
        String channel = channels.get(r.nextInt(channels.size()));
        SimOrder o = factory.create(channel, placedBefore(at), r.split());
        String carrier = Shipments.carrier(o, r);
        ObjectNode event = shipments.event(
                o.canonicalId(),
                locations.get(r.nextInt(locations.size())),
                o,
                carrier,
                Shipments.tracking(carrier, o.level, r),
                at);
        if (kind != Kind.BROKEN_JSON)
            breakLine((ObjectNode) event.get("lines").get(0), "sku", new String[] {"quantity"}, kind, r);
        return shipments.record(event, at, kind.label);
    }

    /** The broken record arrives now; the order it pretends to be was placed a while ago. */
    private static long placedBefore(long at) {
        return at - 30 * 60_000L;
    }

    private static long someCases(SplittableRandom r) {
        return 12L * (1 + r.nextInt(10));
    }

    private static void breakLine(
            ObjectNode line, String skuField, String[] quantityFields, Kind kind, SplittableRandom r) {
        int negative = -(1 + r.nextInt(3));
        for (String field : quantityFields) {
            switch (kind) {
                case NEGATIVE_QUANTITY:
                    line.put(field, negative);
                    break;
                case ABSURD_QUANTITY:
                    line.put(field, ABSURD);
                    break;
                case WRONG_TYPE:
                    line.put(field, "three");
                    break;
                case MISSING_SKU:
                    line.remove(skuField);
                    break;
                default:
                    throw new IllegalArgumentException("not a line fault: " + kind);
            }
        }
    }

    private static GeneratedRecord envelope(String source, String kind, long at, ObjectNode payload, Kind bad) {
        return new GeneratedRecord(
                GeneratedRecord.ORDERS_RAW, Formats.write(Schedule.envelope(source, kind, at, payload)), at, bad.label);
    }
}
