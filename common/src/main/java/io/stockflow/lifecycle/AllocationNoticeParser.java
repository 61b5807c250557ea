package io.stockflow.lifecycle;

import io.stockflow.allocation.Decision;
import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads one {@code orders.allocations} record: {@code order_id}, {@code decision}, {@code allocations[]} (the
 * location with most units is where the order ships from, ties by name), {@code backordered[]} and the event time
 * ({@code event_time}, else {@code decided_at}).
 */
public final class AllocationNoticeParser {
    public AllocationNotice parse(byte[] record) throws InvalidRecordException {
        JsonFields f = JsonFields.parse(record);
        AllocationNotice a = new AllocationNotice();
        a.orderId = f.id("order_id");
        a.channel = f.optNonBlank("channel");
        a.decision = f.enumValue("decision", Decision.class);
        Map<String, Long> units = new TreeMap<>();
        for (JsonFields line : f.optArray("allocations")) {
            long quantity = line.integer("quantity");
            if (quantity <= 0) throw line.invalid("quantity", "must be positive");
            units.merge(line.id("location"), quantity, Long::sum);
        }
        long most = 0;
        for (Map.Entry<String, Long> e : units.entrySet()) {
            if (e.getValue() > most) {
                most = e.getValue();
                a.location = e.getKey();
            }
        }
        for (JsonFields line : f.optArray("backordered")) {
            long quantity = line.integer("quantity");
            if (quantity <= 0) throw line.invalid("quantity", "must be positive");
            a.backorderedUnits += quantity;
        }
        Long eventTime = f.optTime("event_time");
        a.eventTime = eventTime != null ? eventTime : f.time("decided_at");
        return a;
    }
}
