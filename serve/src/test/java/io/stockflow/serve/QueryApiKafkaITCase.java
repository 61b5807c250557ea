package io.stockflow.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.testing.Fixtures;
import io.stockflow.testing.KafkaBroker;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The query API against a real broker: the jobs' fixture outputs on the output topics, the service started on them,
 * and every answer compared with what the topics hold. Records go to one partition per topic, in file order, so two
 * services reading them see the same sequence.
 */
@Timeout(180)
class QueryApiKafkaITCase {
    @RegisterExtension
    static final KafkaBroker BROKER = new KafkaBroker();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "api";
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    static List<String> availability;
    static List<String> canonical;
    static String unreadableCanonical;
    static List<String> allocations;
    static List<String> allocationsOnTopic;
    static List<String> notifications;
    static List<String> alerts;
    static QueryService service;

    @BeforeAll
    static void publishTheTopicsAndStart() throws Exception {
        ServeSettings settings = settings();
        List<String> actual = ServedTopics.ALL.stream().map(settings::topicName).toList();
        BROKER.createTopics(3, actual);

        Path small = Fixtures.dir("small-expected");
        Path lifecycle = Fixtures.dir("lifecycle");
        availability = new ArrayList<>();
        int version = 1;
        for (String line : Fixtures.lines(small.resolve("availability.jsonl"))) {
            ObjectNode r = (ObjectNode) JSON.readTree(line);
            r.put("version", 2 + version++).put("as_of", "2026-11-26T10:0" + version + ":00Z");
            availability.add(r.toString());
        }
        // The fixture's last canonical record has no event time: the service skips it, as the jobs' reader does.
        canonical = new ArrayList<>();
        for (String line : Fixtures.lines(lifecycle.resolve("input/orders.canonical.jsonl"))) {
            if (JSON.readTree(line).has("event_time")) canonical.add(line);
            else unreadableCanonical = line;
        }
        // The fixture's allocations hold one decision the contract does not know ("MAYBE"): skipped and counted.
        allocationsOnTopic = Fixtures.lines(lifecycle.resolve("input/orders.allocations.jsonl"));
        allocations = new ArrayList<>();
        for (String line : allocationsOnTopic)
            if (Materializer.DECISIONS.contains(
                    JSON.readTree(line).get("decision").asText())) allocations.add(line);
        notifications = Fixtures.lines(lifecycle.resolve("expected/notifications.jsonl"));
        alerts = Fixtures.lines(lifecycle.resolve("expected/alerts.jsonl"));

        List<String> availabilityOnTopic = new ArrayList<>(availability);
        // An older version of SKU-A at WH-EAST after the latest (a late at-least-once resend), and three records that
        // do not read: they change nothing and are counted.
        availabilityOnTopic.add("{\"sku\":\"SKU-A\",\"location\":\"WH-EAST\",\"on_hand\":50,\"reserved\":0,"
                + "\"safety_stock\":0,\"available\":50,\"version\":1,\"as_of\":\"2026-11-26T08:00:00Z\"}");
        availabilityOnTopic.add("not json at all {");
        availabilityOnTopic.add("{\"sku\":\"SKU-Z\",\"location\":\"WH-EAST\"}");
        availabilityOnTopic.add("[1,2,3]");
        BROKER.produce(settings.topicName(ServedTopics.AVAILABILITY), 0, availabilityOnTopic);
        List<String> canonicalOnTopic = new ArrayList<>(canonical);
        canonicalOnTopic.add(unreadableCanonical);
        BROKER.produce(settings.topicName(ServedTopics.ORDERS_CANONICAL), 0, canonicalOnTopic);
        BROKER.produce(settings.topicName(ServedTopics.ALLOCATIONS), 0, allocationsOnTopic);
        List<String> notificationsOnTopic = new ArrayList<>(notifications);
        notificationsOnTopic.add(notifications.get(0)); // a repeat counts once
        BROKER.produce(settings.topicName(ServedTopics.NOTIFICATIONS), 0, notificationsOnTopic);
        BROKER.produce(settings.topicName(ServedTopics.ALERTS), 0, alerts);

        service = QueryService.start(settings);
        awaitServing(service.baseUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) service.close();
    }

    static ServeSettings settings() {
        ServeSettings s = new ServeSettings();
        s.port = 0;
        s.bootstrap = BROKER.bootstrap();
        for (String t : ServedTopics.ALL) s.topicNames.put(t, PREFIX + "." + t);
        return s;
    }

    static void awaitServing(URI base) {
        await().atMost(CATCH_UP).until(() -> Api.get(base, "/health").status() == 200);
    }

    @Test
    void aSkusAvailabilityEqualsItsLatestRecordPerLocation() throws Exception {
        URI base = service.baseUrl();
        for (String line : availability) {
            JsonNode record = JSON.readTree(line);
            String sku = record.get("sku").asText();
            Api.Answer answer = Api.get(base, "/skus/" + sku);
            assertThat(answer.status()).isEqualTo(200);
            JsonNode body = answer.json();
            JsonNode position = "*".equals(record.get("location").asText())
                    ? body.get("total")
                    : find(
                            body.get("locations"),
                            "location",
                            record.get("location").asText());
            assertThat(position).as(sku + " at " + record.get("location")).isNotNull();
            for (String field :
                    List.of("location", "on_hand", "reserved", "safety_stock", "available", "version", "as_of"))
                assertThat(position.get(field)).as(field).isEqualTo(record.get(field));
        }
        JsonNode skuA = Api.get(base, "/skus/SKU-A").json();
        assertThat(skuA.get("locations")).hasSize(2);
        assertThat(skuA.get("movements").asText()).contains("No output topic carries stock movements");
        assertThat(skuA.get("recent_changes")).hasSize(3);
    }

    @Test
    void anOrdersTimelineHasEveryRecordNamingItInEventTimeOrder() throws Exception {
        URI base = service.baseUrl();
        Set<String> orderIds = new HashSet<>();
        for (String line : canonical)
            orderIds.add(JSON.readTree(line).get("order_id").asText());
        for (String orderId : orderIds) {
            Set<JsonNode> expected = new HashSet<>();
            for (List<String> topic : List.of(canonical, allocations, notifications))
                for (String line : topic) {
                    JsonNode r = JSON.readTree(line);
                    if (orderId.equals(r.get("order_id").asText())) expected.add(r);
                }
            for (String line : alerts) {
                JsonNode r = JSON.readTree(line);
                if (orderId.equals(r.path("subject").path("order_id").asText())) expected.add(r);
            }

            Api.Answer answer = Api.get(base, "/orders/" + orderId);
            assertThat(answer.status()).isEqualTo(200);
            List<JsonNode> timeline = new ArrayList<>();
            answer.json().get("timeline").forEach(timeline::add);
            assertThat(timeline.stream().map(e -> e.get("record")).collect(Collectors.toList()))
                    .as(orderId)
                    .containsExactlyInAnyOrderElementsOf(expected);
            List<String> times =
                    timeline.stream().map(e -> e.get("event_time").asText()).toList();
            assertThat(times).isSorted();
            assertThat(timeline.stream().map(e -> e.get("kind").asText())).contains("order_event", "decision");
        }
    }

    @Test
    void anOrdersStageIsTheHighestItsRecordsShowAndItsDeadlinesTheLatestGiven() {
        URI base = service.baseUrl();
        JsonNode delivered = Api.get(base, "/orders/amazon:902-1").json();
        assertThat(delivered.at("/stage/name").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.at("/stage/since").asText()).isEqualTo("2026-11-12T18:00:00Z");
        assertThat(delivered.at("/deadlines/ship_by").asText()).isEqualTo("2026-11-10T18:00:00Z");
        assertThat(delivered.at("/deadlines/deliver_by").asText()).isEqualTo("2026-11-13T20:00:00Z");
        assertThat(Api.get(base, "/orders/shopify:1005")
                        .json()
                        .at("/stage/name")
                        .asText())
                .isEqualTo("CANCELLED");
        assertThat(Api.get(base, "/orders/shopify:1006")
                        .json()
                        .at("/stage/name")
                        .asText())
                .isEqualTo("BACKORDERED");
        assertThat(Api.get(base, "/orders/woocommerce:501")
                        .json()
                        .at("/stage/name")
                        .asText())
                .isEqualTo("DELIVERY_FAILED");
    }

    @Test
    void recordsWrittenWhileItServesAreAnsweredAsTheyCome() {
        URI base = service.baseUrl();
        ServeSettings settings = settings();
        BROKER.produce(
                settings.topicName(ServedTopics.AVAILABILITY),
                List.of("{\"sku\":\"LIVE-1\",\"location\":\"WH-EAST\",\"on_hand\":4,\"reserved\":1,"
                        + "\"safety_stock\":0,\"available\":3,\"version\":1,\"as_of\":\"2026-11-27T09:00:00Z\"}"));
        await().atMost(CATCH_UP).until(() -> Api.get(base, "/skus/LIVE-1").status() == 200);
        BROKER.produce(
                settings.topicName(ServedTopics.AVAILABILITY),
                List.of("{\"sku\":\"LIVE-1\",\"location\":\"WH-EAST\",\"on_hand\":4,\"reserved\":3,"
                        + "\"safety_stock\":0,\"available\":1,\"version\":2,\"as_of\":\"2026-11-27T09:01:00Z\"}"));
        await().atMost(CATCH_UP)
                .until(() -> Api.get(base, "/skus/LIVE-1")
                                .json()
                                .at("/locations/0/version")
                                .asInt()
                        == 2);

        JsonNode live = Api.get(base, "/skus/LIVE-1").json();
        assertThat(live.at("/locations/0/available").asInt()).isEqualTo(1);
        assertThat(live.at("/recent_changes/0/reserved_change").asInt()).isEqualTo(2);
        assertThat(live.at("/recent_changes/0/on_hand_change").asInt()).isZero();
    }

    @Test
    void alertsAreFilteredNewestFirstAndPaged() throws Exception {
        URI base = service.baseUrl();
        List<JsonNode> all = new ArrayList<>();
        for (String line : alerts) all.add(JSON.readTree(line));

        JsonNode critical = Api.get(base, "/alerts?severity=CRITICAL").json();
        long expectedCritical = all.stream()
                .filter(a -> a.get("severity").asText().equals("CRITICAL"))
                .count();
        assertThat(critical.get("matched").asLong()).isEqualTo(expectedCritical);
        critical.get("alerts")
                .forEach(a -> assertThat(a.get("severity").asText()).isEqualTo("CRITICAL"));

        JsonNode warnings = Api.get(base, "/alerts?severity=warning").json();
        assertThat(warnings.get("matched").asInt()).isEqualTo(all.size() - countSeverity(all, "INFO"));

        List<JsonNode> paged = new ArrayList<>();
        Integer offset = 0;
        while (offset != null) {
            JsonNode page = Api.get(base, "/alerts?limit=3&offset=" + offset).json();
            assertThat(page.get("alerts").size()).isLessThanOrEqualTo(3);
            page.get("alerts").forEach(paged::add);
            offset = page.has("next_offset") ? page.get("next_offset").asInt() : null;
        }
        assertThat(paged).containsExactlyInAnyOrderElementsOf(all);
        List<String> times =
                paged.stream().map(a -> a.get("event_time").asText()).toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        JsonNode first = all.get(0);
        String type = first.get("type").asText();
        String orderId = first.path("subject").path("order_id").asText();
        JsonNode byType = Api.get(base, "/alerts?type=" + type).json();
        assertThat(byType.get("matched").asLong())
                .isEqualTo(all.stream()
                        .filter(a -> a.get("type").asText().equals(type))
                        .count());
        String location = first.path("subject").path("location").asText();
        JsonNode byLocationSince = Api.get(
                        base,
                        "/alerts?location=" + location + "&since="
                                + first.get("event_time").asText())
                .json();
        byLocationSince.get("alerts").forEach(a -> {
            assertThat(a.path("subject").path("location").asText()).isEqualTo(location);
            assertThat(a.get("event_time").asText())
                    .isGreaterThanOrEqualTo(first.get("event_time").asText());
        });
        assertThat(byLocationSince.get("alerts").size()).isPositive();
        String channel = first.path("subject").path("channel").asText();
        assertThat(Api.get(base, "/alerts?channel=" + channel)
                        .json()
                        .get("matched")
                        .asLong())
                .isEqualTo(all.stream()
                        .filter(a -> a.path("subject").path("channel").asText().equals(channel))
                        .count());
        assertThat(orderId).isNotEmpty();
    }

    @Test
    void searchFindsOrdersByMarketplaceNumberAndSkusByPrefix() throws Exception {
        URI base = service.baseUrl();
        JsonNode order = JSON.readTree(canonical.get(0));
        JsonNode found = Api.get(
                        base,
                        "/search?order=" + order.get("marketplace_order_id").asText())
                .json();
        assertThat(found.get("orders").findValuesAsText("order_id"))
                .contains(order.get("order_id").asText());

        JsonNode skus = Api.get(base, "/search?sku=SKU-").json();
        assertThat(skus.get("skus").findValuesAsText("sku")).containsExactly("SKU-A", "SKU-B");
        assertThat(Api.get(base, "/search?sku=SKU-B")
                        .json()
                        .get("skus")
                        .get(0)
                        .get("available")
                        .asInt())
                .isZero();
    }

    @Test
    void unknownThingsAre404AndMalformedQueries400WithAReason() {
        URI base = service.baseUrl();
        Api.Answer sku = Api.get(base, "/skus/NO-SUCH-SKU");
        assertThat(sku.status()).isEqualTo(404);
        assertThat(sku.json().get("error").asText()).contains("unknown SKU 'NO-SUCH-SKU'");
        assertThat(Api.get(base, "/orders/shopify:0").status()).isEqualTo(404);
        for (String bad : List.of(
                "/alerts?severity=LOUD",
                "/alerts?since=yesterday",
                "/alerts?limit=0",
                "/alerts?offset=-1",
                "/search",
                "/search?order=1&sku=A",
                "/search?sku=")) {
            Api.Answer answer = Api.get(base, bad);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.json().get("error").asText()).as(bad).isNotBlank();
        }
        assertThat(Api.get(base, "/no/such/route").status()).isEqualTo(404);
    }

    @Test
    void unreadableRecordsAreSkippedAndCountedAndStaleOnesChangeNothing() {
        assertThat(service.metrics().skippedCount(ServedTopics.AVAILABILITY)).isEqualTo(3.0);
        assertThat(service.metrics().skippedCount(ServedTopics.ALLOCATIONS)).isEqualTo(1.0);
        assertThat(service.metrics().skippedCount(ServedTopics.ORDERS_CANONICAL))
                .isEqualTo(1.0);
        String orderOfTheUnreadable =
                Fixtures.json(unreadableCanonical).get("order_id").asText();
        assertThat(Api.get(service.baseUrl(), "/orders/" + orderOfTheUnreadable).status())
                .isEqualTo(404);
        JsonNode east = find(Api.get(service.baseUrl(), "/skus/SKU-A").json().get("locations"), "location", "WH-EAST");
        assertThat(east.get("on_hand").asInt()).isEqualTo(6);
        assertThat(Api.get(service.baseUrl(), "/health").json().get("status").asText())
                .isEqualTo("serving");
    }

    @Test
    void everyDescribedRouteAnswersAndTheMetricsCountRequestsAndRecords() {
        URI base = service.baseUrl();
        String orderId = Fixtures.json(canonical.get(0)).get("order_id").asText();
        Map<String, String> concrete = Map.ofEntries(
                Map.entry(ApiRoutes.SKU, "/skus/SKU-A"),
                Map.entry(ApiRoutes.ORDER, "/orders/" + orderId),
                Map.entry(ApiRoutes.ALERTS, "/alerts"),
                Map.entry(ApiRoutes.SEARCH, "/search?sku=S"),
                Map.entry(ApiRoutes.HEALTH, "/health"),
                Map.entry(ApiRoutes.METRICS, "/metrics"),
                Map.entry(ApiRoutes.OPENAPI, "/openapi.json"),
                Map.entry(ApiRoutes.REPORT, "/reports/day"),
                Map.entry(ApiRoutes.REPORT_CSV, "/reports/week/orders.csv"),
                Map.entry(ApiRoutes.CONSOLE, "/console"),
                Map.entry(ApiRoutes.CONSOLE_ORDER, "/console/orders/" + orderId),
                Map.entry(ApiRoutes.CONSOLE_SKU, "/console/skus/SKU-A"),
                Map.entry(ApiRoutes.CONSOLE_REPORTS, "/console/reports?period=week"),
                Map.entry(ApiRoutes.CONSOLE_ASSET, "/console/assets/console.js"),
                Map.entry(ApiRoutes.CONSOLE_LIVE, "/console/live"),
                // An event stream never ends: its first event is read, then the stream is closed.
                Map.entry(ApiRoutes.CONSOLE_LIVE_EVENTS, "/console/live/events"));
        assertThat(concrete.keySet()).containsExactlyInAnyOrderElementsOf(ApiRoutes.ALL);
        List<String> described = new ArrayList<>();
        JsonNode paths = Api.get(base, "/openapi.json").json().get("paths");
        paths.fieldNames()
                .forEachRemaining(path ->
                        paths.get(path).fieldNames().forEachRemaining(method -> described.add(method + " " + path)));
        assertThat(service.routes())
                .as("the routes the server registered")
                .containsExactlyInAnyOrderElementsOf(described);
        for (Map.Entry<String, String> route : concrete.entrySet())
            if (route.getKey().equals(ApiRoutes.CONSOLE_LIVE_EVENTS))
                assertThat(Api.firstEvent(base, route.getValue()))
                        .as(route.getValue())
                        .isEqualTo("event: summary");
            else
                assertThat(Api.get(base, route.getValue()).status())
                        .as(route.getValue())
                        .isEqualTo(200);

        assertThat(Api.get(base, "/openapi.json").json().get("paths").has(ApiRoutes.SKU))
                .isTrue();
        String metrics = Api.get(base, "/metrics").body();
        assertThat(metrics)
                .contains("stockflow_serve_requests_seconds_count{method=\"GET\",route=\"/skus/{sku}\",status=\"200\"}")
                .contains("stockflow_serve_records_materialized_total{topic=\"orders.canonical\"} " + canonical.size()
                        + ".0")
                .contains(
                        "stockflow_serve_records_skipped_total{reason=\"not_json\",topic=\"inventory.availability\"} 1.0")
                .contains("stockflow_serve_consumer_lag{topic=\"alerts\"} 0.0");
    }

    @Test
    void afterARestartItSaysItIsCatchingUpThenAnswersTheSame() throws Exception {
        URI before = service.baseUrl();
        List<String> paths = List.of(
                "/skus/SKU-A",
                "/skus/SKU-B",
                "/orders/" + JSON.readTree(canonical.get(0)).get("order_id").asText(),
                "/alerts?limit=500",
                "/search?sku=SKU");
        List<JsonNode> answers = new ArrayList<>();
        for (String p : paths) answers.add(Api.get(before, p).json());

        CountDownLatch held = new CountDownLatch(1);
        try (QueryService restarted = QueryService.start(settings(), held::await)) {
            URI base = restarted.baseUrl();
            Api.Answer health = Api.get(base, "/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("status").asText()).isEqualTo("catching_up");
            Api.Answer early = Api.get(base, "/skus/SKU-A");
            assertThat(early.header(QueryService.STATUS_HEADER)).isEqualTo("catching_up");
            assertThat(early.status()).isEqualTo(404);
            assertThat(early.json().get("error").asText()).contains("still catching up");

            held.countDown();
            awaitServing(base);
            assertThat(Api.get(base, "/health").header(QueryService.STATUS_HEADER))
                    .isEqualTo("serving");
            for (int i = 0; i < paths.size(); i++)
                assertThat(Api.get(base, paths.get(i)).json()).as(paths.get(i)).isEqualTo(answers.get(i));
        }
    }

    @Test
    void aConfiguredTokenIsRequiredOnEveryRoute() throws Exception {
        ServeSettings settings = settings();
        settings.token = "t0ken-for-this-test";
        try (QueryService guarded = QueryService.start(settings)) {
            URI base = guarded.baseUrl();
            for (String path : List.of("/health", "/skus/SKU-A", "/metrics", "/openapi.json")) {
                Api.Answer none = Api.get(base, path);
                assertThat(none.status()).as(path).isEqualTo(401);
                assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
                assertThat(none.body()).doesNotContain("t0ken-for-this-test");
                assertThat(Api.get(base, path, "Bearer wrong").status())
                        .as(path)
                        .isEqualTo(401);
            }
            await().atMost(CATCH_UP)
                    .until(() -> Api.get(base, "/health", "Bearer t0ken-for-this-test")
                                    .status()
                            == 200);
            assertThat(Api.get(base, "/skus/SKU-A", "Bearer t0ken-for-this-test")
                            .status())
                    .isEqualTo(200);
        }
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) if (value.equals(n.path(field).asText())) return n;
        return null;
    }

    private static int countSeverity(List<JsonNode> all, String severity) {
        return (int) all.stream()
                .filter(a -> a.get("severity").asText().equals(severity))
                .count();
    }
}
