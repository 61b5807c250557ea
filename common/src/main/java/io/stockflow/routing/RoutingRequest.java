package io.stockflow.routing;

import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderLine;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What routing needs of an order. {@code lines} maps SKU to units wanted, in the order's line order (repeated SKUs
 * summed). Any ship-to field, the service level, the value and the currency may be null when the marketplace did not
 * say. {@code eventTime} is epoch millis.
 */
public record RoutingRequest(
        String orderId,
        String channel,
        String shipCountry,
        String shipRegion,
        String shipPostcode,
        String serviceLevel,
        BigDecimal orderValue,
        String currency,
        Map<String, Long> lines,
        long eventTime)
        implements Serializable {

    public RoutingRequest {
        lines = Collections.unmodifiableMap(new LinkedHashMap<>(lines));
    }

    /** The request of a PLACED or UPDATED canonical order; lines without a SKU or with no units are left out. */
    public static RoutingRequest of(OrderEvent order) {
        Map<String, Long> lines = new LinkedHashMap<>();
        for (OrderLine line : order.lines) {
            if (line.sku != null && line.quantity > 0) lines.merge(line.sku, line.quantity, Long::sum);
        }
        return new RoutingRequest(
                order.orderId,
                order.channel,
                order.shipCountry,
                order.shipRegion,
                order.shipPostcode,
                order.serviceLevel,
                decimal(order.total),
                order.currency,
                lines,
                order.eventTime);
    }

    public long totalUnits() {
        long sum = 0;
        for (long q : lines.values()) sum += q;
        return sum;
    }

    private static BigDecimal decimal(String text) {
        if (text == null) return null;
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
