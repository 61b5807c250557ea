package io.stockflow.serve;

import java.util.List;

/** Every route the service answers, as the OpenAPI description names them; the test checks the two agree. */
public final class ApiRoutes {
    public static final String SKU = "/skus/{sku}";
    public static final String ORDER = "/orders/{orderId}";
    public static final String ALERTS = "/alerts";
    public static final String SEARCH = "/search";
    public static final String HEALTH = "/health";
    public static final String METRICS = "/metrics";
    public static final String OPENAPI = "/openapi.json";

    public static final List<String> ALL = List.of(SKU, ORDER, ALERTS, SEARCH, HEALTH, METRICS, OPENAPI);

    private ApiRoutes() {}
}
