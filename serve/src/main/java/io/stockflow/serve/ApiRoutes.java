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
    public static final String REPORT = "/reports/{period}";
    public static final String REPORT_CSV = "/reports/{period}/{file}";
    public static final String CONSOLE = "/console";
    public static final String CONSOLE_ORDER = "/console/orders/{orderId}";
    public static final String CONSOLE_SKU = "/console/skus/{sku}";
    public static final String CONSOLE_REPORTS = "/console/reports";
    public static final String CONSOLE_ASSET = "/console/assets/{file}";
    public static final String CONSOLE_LIVE = "/console/live";
    public static final String CONSOLE_LIVE_EVENTS = "/console/live/events";

    public static final List<String> ALL = List.of(
            SKU,
            ORDER,
            ALERTS,
            SEARCH,
            HEALTH,
            METRICS,
            OPENAPI,
            REPORT,
            REPORT_CSV,
            CONSOLE,
            CONSOLE_ORDER,
            CONSOLE_SKU,
            CONSOLE_REPORTS,
            CONSOLE_ASSET,
            CONSOLE_LIVE,
            CONSOLE_LIVE_EVENTS);

    private ApiRoutes() {}
}
