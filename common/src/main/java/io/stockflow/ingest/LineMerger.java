package io.stockflow.ingest;

import io.stockflow.model.OrderLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merges the lines of one event that name the same SKU, summing quantities, so downstream keys by SKU see one line.
 * Refund lines merge only when they also agree on restock and location, since those decide where units go.
 */
final class LineMerger {
    private LineMerger() {}

    static List<OrderLine> merge(List<OrderLine> lines) {
        if (lines.size() < 2) return lines;
        Map<String, List<OrderLine>> groups = new LinkedHashMap<>();
        for (OrderLine line : lines) {
            String key = line.sku + '\u0000' + line.restock + '\u0000' + line.location;
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
        }
        if (groups.size() == lines.size()) return lines;
        List<OrderLine> merged = new ArrayList<>(groups.size());
        for (List<OrderLine> group : groups.values()) merged.add(group.size() == 1 ? group.get(0) : combine(group));
        return merged;
    }

    private static OrderLine combine(List<OrderLine> group) {
        OrderLine first = group.get(0);
        OrderLine line = new OrderLine(first.sku, 0, null);
        line.restock = first.restock;
        line.location = first.location;
        for (OrderLine part : group) line.quantity += part.quantity;
        line.unitPrice = unitPrice(group, line.quantity);
        return line;
    }

    /** The common price when all parts agree, else the quantity-weighted average at the parts' largest scale. */
    private static String unitPrice(List<OrderLine> group, long quantity) {
        String first = group.get(0).unitPrice;
        boolean same = group.stream().allMatch(l -> Objects.equals(l.unitPrice, first));
        if (same) return first;
        if (group.stream().anyMatch(l -> l.unitPrice == null)) return null;
        BigDecimal sum = BigDecimal.ZERO;
        int scale = 0;
        for (OrderLine part : group) {
            BigDecimal price = new BigDecimal(part.unitPrice);
            sum = sum.add(price.multiply(BigDecimal.valueOf(part.quantity)));
            scale = Math.max(scale, price.scale());
        }
        return sum.divide(BigDecimal.valueOf(quantity), scale, RoundingMode.HALF_UP)
                .toPlainString();
    }
}
