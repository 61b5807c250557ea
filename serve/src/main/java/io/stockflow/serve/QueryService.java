package io.stockflow.serve;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query API as one service: the views, the reader that fills them from the topics, and the HTTP server that answers
 * from them. Every answer carries {@code Stockflow-Status: catching_up} until the views hold what the topics held at
 * start, {@code serving} after.
 *
 * <p>In a test: {@code try (var service = QueryService.start(settings)) { URI base = service.baseUrl(); ... }}.
 */
public final class QueryService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueryService.class);
    static final String STATUS_HEADER = "Stockflow-Status";
    private static final String STARTED = "stockflow.serve.started";
    /** The cookie that carries the token for the console's pages. */
    static final String TOKEN_COOKIE = "stockflow_token";

    private static final String OPENAPI_RESOURCE = "serve.openapi.json";

    private final ServeSettings settings;
    private final ServeMetrics metrics = new ServeMetrics();
    private final AvailabilityView availability = new AvailabilityView();
    private final CatchUp catchUp = new CatchUp();
    private final TopicReader reader;
    private final LiveUpdates liveUpdates;
    private final Javalin server;

    private QueryService(ServeSettings settings, RecordGate gate) {
        this.settings = settings.validate();
        RecentChanges changes = new RecentChanges(settings.recentChanges);
        OrderTimelines orders = new OrderTimelines(settings.maxOrders);
        AlertLog alerts = new AlertLog(settings.maxAlerts);
        metrics.views(availability, orders, alerts);
        ConsoleViews consoleViews = new ConsoleViews(settings.maxOrders);
        Materializer materializer = new Materializer(availability, changes, orders, alerts, metrics, consoleViews);
        this.reader = new TopicReader(settings, materializer, metrics, catchUp, gate);
        QueryApi api =
                new QueryApi(availability, changes, orders, alerts, consoleViews.listed, catchUp, reader::problem);
        LiveSummary summary = new LiveSummary(availability, orders, alerts, consoleViews, catchUp);
        this.liveUpdates = new LiveUpdates(summary);
        ConsoleRoutes console =
                new ConsoleRoutes(availability, orders, new Reports(consoleViews.reports), summary, liveUpdates);
        String openApi = openApi();
        BearerToken token = settings.tokenRequired() ? new BearerToken(settings.token) : null;
        this.server = Javalin.create(config -> {
            config.jetty.host = settings.host;
            config.jetty.port = settings.port;
            config.startup.showJavalinBanner = false;
            RoutesConfig routes = config.routes;
            routes.before(ctx -> admit(ctx, token));
            api.register(routes);
            console.register(routes);
            routes.get(
                    ApiRoutes.METRICS,
                    ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                            .result(metrics.registry().scrape()));
            routes.get(
                    ApiRoutes.OPENAPI,
                    ctx -> ctx.contentType("application/json").result(openApi));
            routes.exception(BadQuery.class, (e, ctx) -> QueryApi.json(ctx, 400, JsonBodies.error(e.getMessage())));
            routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("a request failed: {}", e.toString());
                QueryApi.json(
                        ctx,
                        500,
                        JsonBodies.error("internal error: " + e.getClass().getSimpleName()));
            });
            routes.error(404, ctx -> {
                if (ctx.result() == null) QueryApi.json(ctx, 404, JsonBodies.error("no such route: " + ctx.path()));
            });
            routes.after(this::measure);
        });
    }

    /** Starts reading the topics and serving; the views fill in the background ({@code /health} says how far). */
    public static QueryService start(ServeSettings settings) {
        return start(settings, RecordGate.OPEN);
    }

    static QueryService start(ServeSettings settings, RecordGate gate) {
        QueryService service = new QueryService(settings, gate);
        service.reader.start();
        service.liveUpdates.start();
        service.server.start();
        LOG.info(
                "query API on {} ({}), reading {}",
                service.baseUrl(),
                settings.tokenRequired() ? "token required" : "no token",
                settings.bootstrap);
        return service;
    }

    /** The web console's address. */
    public URI consoleUrl() {
        return URI.create(baseUrl() + ApiRoutes.CONSOLE);
    }

    public URI baseUrl() {
        String host = settings.host.contains(":") ? "[" + settings.host + "]" : settings.host;
        return URI.create("http://" + host + ":" + server.port());
    }

    /** Whether the views hold what the topics held at start. */
    public boolean caughtUp() {
        return catchUp.caughtUp();
    }

    /** The routes the server answers, as {@code "get /path"}: what the OpenAPI description must name. */
    public List<String> routes() {
        List<String> routes = new ArrayList<>();
        for (ParsedEndpoint e : server.unsafe.internalRouter.allHttpHandlers())
            if (e.endpoint.method.isHttpMethod())
                routes.add(e.endpoint.method.name().toLowerCase(Locale.ROOT) + " " + e.endpoint.path);
        return routes;
    }

    public ServeMetrics metrics() {
        return metrics;
    }

    /**
     * Lets a request through with the token as a bearer header (the API's clients) or in the console's cookie (a
     * browser, whose pages and event stream cannot set headers). A console page opened with {@code ?token=} sets the
     * cookie and is sent to the same page without the token in its address, so it stays out of history and logs.
     */
    private void admit(Context ctx, BearerToken token) {
        ctx.attribute(STARTED, System.nanoTime());
        ctx.header(STATUS_HEADER, catchUp.caughtUp() ? "serving" : "catching_up");
        if (token == null) return;
        String offered = ctx.queryParam("token");
        if (offered != null && ctx.path().startsWith(ApiRoutes.CONSOLE) && token.admitsToken(offered)) {
            // For the browser session only (max age -1), out of reach of scripts, never sent by other sites.
            ctx.cookie(new Cookie(TOKEN_COOKIE, offered, "/", -1, false, true, null, SameSite.STRICT));
            ctx.redirect(ctx.path(), HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        if (token.admits(ctx.header("Authorization"))) return;
        String fromCookie = ctx.cookie(TOKEN_COOKIE);
        if (fromCookie != null && token.admitsToken(fromCookie)) return;
        ctx.header("WWW-Authenticate", "Bearer");
        QueryApi.json(
                ctx,
                401,
                JsonBodies.error("a bearer token is required: Authorization: Bearer <token>, or open the console"
                        + " once as /console?token=<token>"));
        ctx.skipRemainingHandlers();
    }

    private void measure(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) return;
        String route;
        try {
            // The endpoint that answered, not this after-handler's own.
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            route = endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            route = "unmatched";
        }
        metrics.request(route, ctx.method().name(), ctx.statusCode(), System.nanoTime() - started);
    }

    private static String openApi() {
        try (InputStream in = QueryService.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) throw new IllegalStateException("the OpenAPI description is not on the class path");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        liveUpdates.close();
        server.stop();
        reader.close();
    }
}
