package io.stockflow.notifier.alerting;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a person reads more about an alert, in the query API ({@code ./stockflow serve}, docs/serve.md): the order's
 * timeline when the alert names an order, else the SKU's stock, else the alerts of its type and channel.
 */
public record AlertLinks(URI queryApi) {

    public String of(AlertRecord alert) {
        String base = queryApi.toString().replaceAll("/+$", "");
        if (alert.orderId() != null) return base + "/orders/" + segment(alert.orderId());
        if (alert.sku() != null) return base + "/skus/" + segment(alert.sku());
        String query = "/alerts?type=" + param(alert.type());
        if (alert.channel() != null) query += "&channel=" + param(alert.channel());
        if (alert.location() != null) query += "&location=" + param(alert.location());
        return base + query;
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String param(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
