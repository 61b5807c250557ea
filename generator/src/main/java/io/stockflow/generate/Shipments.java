package io.stockflow.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;

/**
 * Warehouse {@code SHIPPED} events of {@code fulfilment.events}: the whole order leaves one location with a carrier
 * chosen by destination and speed, and a tracking code in that carrier's format.
 */
final class Shipments {
    private long next;

    ObjectNode shipped(SimOrder o) {
        String carrier = carrier(o, o.random);
        return event(o.canonicalId(), o.shipLocation, o, carrier, tracking(carrier, o.level, o.random), o.shipAt);
    }

    ObjectNode event(String orderId, String location, SimOrder o, String carrier, String tracking, long at) {
        ObjectNode n = Formats.object();
        n.put("event_id", "SHP-" + Formats.digits(++next, 8));
        n.put("order_id", orderId);
        n.put("location", location);
        n.put("type", "SHIPPED");
        ArrayNode lines = n.putArray("lines");
        for (SimOrder.Line line : o.lines) {
            ObjectNode l = lines.addObject();
            l.put("sku", line.sku);
            l.put("quantity", line.quantity);
        }
        n.put("carrier", carrier);
        n.put("tracking_code", tracking);
        n.put("occurred_at", Formats.instant(at));
        return n;
    }

    GeneratedRecord record(ObjectNode event, long at, String label) {
        return new GeneratedRecord(GeneratedRecord.FULFILMENT_EVENTS, Formats.write(event), at, label);
    }

    static String carrier(SimOrder o, SplittableRandom r) {
        switch (o.country()) {
            case "US":
                switch (o.level) {
                    case PRIORITY:
                        return r.nextBoolean() ? "FedEx" : "UPS";
                    case EXPEDITED:
                        return r.nextInt(3) == 0 ? "FedEx" : "UPS";
                    default:
                        return r.nextInt(3) == 0 ? "UPS" : "USPS";
                }
            case "CA":
                return o.level == SimOrder.Level.STANDARD ? "Canada Post" : "UPS";
            default:
                return o.level == SimOrder.Level.STANDARD && r.nextBoolean() ? "UPS" : "DHL Express";
        }
    }

    static String tracking(String carrier, SimOrder.Level level, SplittableRandom r) {
        switch (carrier) {
            case "UPS": {
                String service =
                        level == SimOrder.Level.PRIORITY ? "01" : level == SimOrder.Level.EXPEDITED ? "02" : "03";
                return "1Z" + Formats.upperAlnum(r, 6) + service + digits(r, 8);
            }
            case "USPS":
                return "9400" + digits(r, 18);
            case "FedEx":
                return digits(r, 12);
            case "Canada Post":
                return digits(r, 16);
            default:
                return digits(r, 10);
        }
    }

    private static String digits(SplittableRandom r, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) out.append((char) ('0' + r.nextInt(10)));
        return out.toString();
    }
}
