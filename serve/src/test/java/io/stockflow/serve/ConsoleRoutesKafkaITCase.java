package io.stockflow.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stockflow.testing.KafkaBroker;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's routes and the reports against a real broker, with a token: the CSV downloads hold what the topics
 * hold (counted here from the records written, independently of the service), the token login sets the console's
 * cookie, what each channel lists comes from channel.sync, alerts with fields beyond the contract read, and bad input
 * gets a 404 or 400 with a message.
 */
@Timeout(180)
class ConsoleRoutesKafkaITCase {
    @RegisterExtension
    static final KafkaBroker BROKER = new KafkaBroker();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "console-routes-token";
    private static final String AUTH = "Bearer " + TOKEN;
    private static final Instant D1 = Instant.parse("2026-11-23T00:00:00Z"); // a Monday: ISO week 48
    private static final Instant D2 = D1.plus(Duration.ofDays(1));
    private static final Instant D3 = D1.plus(Duration.ofDays(7)); // week 49
    private static final String ODD_TYPE = "ODD,TYPE \"x\"";

    static List<String> canonical = new ArrayList<>();
    static List<String> decisions = new ArrayList<>();
    static List<String> alerts = new ArrayList<>();
    static List<String> levels = new ArrayList<>();
    static QueryService service;
    static URI base;

    private static Instant at(Instant day, int hour) {
        return day.plus(Duration.ofHours(hour));
    }

    @BeforeAll
    static void publishAndStart() throws Exception {
        ServeSettings settings = new ServeSettings();
        settings.port = 0;
        settings.bootstrap = BROKER.bootstrap();
        settings.token = TOKEN;
        for (String t : ServedTopics.ALL) settings.topicNames.put(t, "routes." + t);
        BROKER.createTopics(
                1, ServedTopics.ALL.stream().map(settings::topicName).toList());

        canonical.add(ConsoleRecords.placed("shopify", "1", at(D1, 10), "SKU-A", 2, at(D1, 18)));
        canonical.add(ConsoleRecords.event("SHIPPED", "shopify", "1", at(D1, 17), "SKU-A", 2, null));
        canonical.add(ConsoleRecords.placed("amazon", "2", at(D1, 11), "SKU-B", 3, at(D2, 12)));
        canonical.add(ConsoleRecords.placed("ebay", "3", at(D2, 9), "SKU-A", 1, at(D2, 18)));
        canonical.add(ConsoleRecords.event("CANCELLED", "ebay", "3", at(D2, 10), "SKU-A", 1, null));
        canonical.add(ConsoleRecords.placed("woocommerce", "4", at(D3, 8), "SKU-C", 3, at(D3, 18)));
        List<String> canonicalOnTopic = new ArrayList<>(canonical);
        canonicalOnTopic.add(canonical.get(0)); // a repeat counts once

        decisions.add(ConsoleRecords.decision("shopify:1", "shopify", "ALLOCATED", at(D1, 10), "WH-EAST", "SKU-A", 0));
        decisions.add(ConsoleRecords.decision("amazon:2", "amazon", "PARTIAL", at(D1, 11), "WH-WEST", "SKU-B", 2));
        decisions.add(ConsoleRecords.decision("ebay:3", "ebay", "BACKORDERED", at(D2, 9), null, "SKU-A", 1));
        decisions.add(
                ConsoleRecords.decision("woocommerce:4", "woocommerce", "ALLOCATED", at(D3, 8), "WH-EAST", "SKU-C", 0));

        alerts.add(
                ConsoleRecords.alert("oversell-1", "OVERSELL", "CRITICAL", at(D1, 11), "amazon:2", "SKU-B", "short"));
        alerts.add(ConsoleRecords.alert(
                "breach-2", "SHIP_SLA_BREACH", "CRITICAL", at(D2, 12), "amazon:2", null, "WH-WEST", "late"));
        alerts.add(ConsoleRecords.alert("low-c", "LOW_STOCK", "WARNING", at(D3, 9), null, "SKU-C", "low"));
        alerts.add(ConsoleRecords.alert("odd-1", ODD_TYPE, "INFO", at(D3, 10), null, "SKU-C", "a type with a comma"));
        List<String> alertsOnTopic = new ArrayList<>(alerts);
        alertsOnTopic.add(alerts.get(0)); // a repeat counts once
        // A later revision of an alert, with fields the contract does not list yet: it replaces the alert, counts
        // once, and a resolved alert is no longer open.
        com.fasterxml.jackson.databind.node.ObjectNode resolved =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(alerts.get(2));
        resolved.put("status", "RESOLVED").put("revision", 1).put("group_size", 3);
        alertsOnTopic.add(resolved.toString());

        levels.add(ConsoleRecords.availability("SKU-A", "*", 5, 0, 1, at(D1, 1)));
        levels.add(ConsoleRecords.availability("SKU-A", "*", 5, 5, 2, at(D2, 1)));
        levels.add(ConsoleRecords.availability("SKU-A", "*", 9, 5, 3, at(D2, 2)));
        levels.add(ConsoleRecords.availability("SKU-A", "*", 9, 9, 4, at(D3, 1)));
        levels.add(ConsoleRecords.availability("SKU-C", "*", 3, 0, 1, at(D1, 1)));
        levels.add(ConsoleRecords.availability("SKU-C", "*", 3, 3, 2, at(D3, 2)));
        levels.add(ConsoleRecords.availability("SKU-C", "WH-EAST", 3, 3, 2, at(D3, 2)));

        BROKER.produce(settings.topicName(ServedTopics.ORDERS_CANONICAL), canonicalOnTopic);
        BROKER.produce(settings.topicName(ServedTopics.ALLOCATIONS), decisions);
        BROKER.produce(settings.topicName(ServedTopics.ALERTS), alertsOnTopic);
        BROKER.produce(settings.topicName(ServedTopics.AVAILABILITY), levels);
        BROKER.produce(
                settings.topicName(ServedTopics.CHANNEL_SYNC),
                List.of(
                        ConsoleRecords.push("ebay", "SKU-A", 3, 5, "ACCEPTED", at(D3, 1)),
                        ConsoleRecords.push("ebay", "SKU-A", 9, 4, "ACCEPTED", at(D3, 2)), // older: changes nothing
                        ConsoleRecords.push("shopify", "SKU-A", 1, 6, "FAILED", at(D3, 3)), // not what it lists
                        ConsoleRecords.push("amazon", "SKU-A", 2, 5, "ACCEPTED", at(D3, 1))));

        service = QueryService.start(settings);
        base = service.baseUrl();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Api.get(base, "/health", AUTH).status() == 200);
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) service.close();
    }

    private static String csv(String path) {
        Api.Answer a = Api.get(base, path, AUTH);
        assertThat(a.status()).as(path).isEqualTo(200);
        assertThat(a.header("Content-Type")).startsWith("text/csv");
        assertThat(a.header("Content-Disposition")).startsWith("attachment;");
        return a.body();
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }

    private static String day(JsonNode r, String field) {
        return r.get(field).asText().substring(0, 10);
    }

    /**
     * Counts records by their period and key fields and writes the CSV the reports should be: newest period first, then
     * by the key fields in order; a field with a comma or a quote quoted, its quotes doubled.
     */
    private static String counted(String header, List<String> records, Function<JsonNode, List<String>> key) {
        Comparator<List<String>> byKey = (a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = i == 0 ? b.get(0).compareTo(a.get(0)) : a.get(i).compareTo(b.get(i));
                if (c != 0) return c;
            }
            return 0;
        };
        Map<List<String>, Long> counts = new TreeMap<>(byKey);
        for (String r : new LinkedHashSet<>(records)) counts.merge(key.apply(json(r)), 1L, Long::sum);
        StringBuilder b = new StringBuilder(header).append("\r\n");
        counts.forEach((k, n) -> {
            for (String f : k)
                b.append(f.contains(",") || f.contains("\"") ? "\"" + f.replace("\"", "\"\"") + "\"" : f)
                        .append(',');
            b.append(n).append("\r\n");
        });
        return b.toString();
    }

    @Test
    void theOrdersAndAlertsCsvHoldWhatTheTopicsHold() {
        assertThat(csv("/reports/day/orders.csv"))
                .isEqualTo(counted(
                        "day,channel,type,orders",
                        canonical,
                        r -> List.of(
                                day(r, "event_time"),
                                r.get("channel").asText(),
                                r.get("type").asText())));
        // The alert type with a comma and quotes is quoted, its quotes doubled.
        String alertsCsv = csv("/reports/day/alerts.csv");
        assertThat(alertsCsv)
                .isEqualTo(counted(
                        "day,type,alerts",
                        alerts,
                        r -> List.of(day(r, "event_time"), r.get("type").asText())))
                .contains("2026-11-30,\"ODD,TYPE \"\"x\"\"\",1\r\n");
        assertThat(csv("/reports/week/orders.csv"))
                .isEqualTo("week,channel,type,orders\r\n"
                        + "2026-W49,woocommerce,PLACED,1\r\n"
                        + "2026-W48,amazon,PLACED,1\r\n"
                        + "2026-W48,ebay,CANCELLED,1\r\n"
                        + "2026-W48,ebay,PLACED,1\r\n"
                        + "2026-W48,shopify,PLACED,1\r\n"
                        + "2026-W48,shopify,SHIPPED,1\r\n");
        // The newest two days with counts: 2026-12-03 holds only the woocommerce order's delivery deadline.
        assertThat(csv("/reports/day/orders.csv?last=2"))
                .isEqualTo("day,channel,type,orders\r\n" + "2026-11-30,woocommerce,PLACED,1\r\n");
    }

    @Test
    void fillRateOnTimeAndTheTopSkusPerWeekAndDay() {
        assertThat(csv("/reports/week/fill-rate.csv"))
                .isEqualTo(
                        "week,channel,decisions,complete,split,backordered,rejected,fill_rate,split_rate,backorder_rate\r\n"
                                + "2026-W49,woocommerce,1,1,0,0,0,1.000,0.000,0.000\r\n"
                                + "2026-W48,amazon,1,0,1,0,0,0.000,1.000,0.000\r\n"
                                + "2026-W48,ebay,1,0,0,1,0,0.000,0.000,1.000\r\n"
                                + "2026-W48,shopify,1,1,0,0,0,1.000,0.000,0.000\r\n");
        // Due by the deadlines of the orders' canonical events, at the location of their decisions; breached by the
        // SLA alerts.
        assertThat(csv("/reports/week/on-time.csv"))
                .isEqualTo("week,location,channel,ship_due,ship_breached,ship_on_time_rate,delivery_due,"
                        + "delivery_breached,delivery_on_time_rate\r\n"
                        + "2026-W49,WH-EAST,woocommerce,1,0,1.000,1,0,1.000\r\n"
                        + "2026-W48,(unallocated),ebay,1,0,1.000,1,0,1.000\r\n"
                        + "2026-W48,WH-EAST,shopify,1,0,1.000,1,0,1.000\r\n"
                        + "2026-W48,WH-WEST,amazon,1,1,0.000,1,0,1.000\r\n");
        assertThat(csv("/reports/day/top-oversold.csv"))
                .isEqualTo("day,sku,units_backordered\r\n2026-11-24,SKU-A,1\r\n2026-11-23,SKU-B,2\r\n");
        assertThat(csv("/reports/day/top-stocked-out.csv"))
                .isEqualTo("day,sku,stockouts\r\n2026-11-30,SKU-A,1\r\n2026-11-30,SKU-C,1\r\n2026-11-24,SKU-A,1\r\n");

        JsonNode report = Api.get(base, "/reports/week", AUTH).json();
        assertThat(report.at("/tables/fill-rate/rows/0/0").asText()).isEqualTo("2026-W49");
        assertThat(report.at("/tables/alerts/csv").asText()).isEqualTo("/reports/week/alerts.csv");
    }

    @Test
    void aSkuShowsWhatEachChannelListsAndTheLiveSummaryTheOpenAlerts() {
        JsonNode sku = Api.get(base, "/skus/SKU-A", AUTH).json();
        assertThat(sku.get("listed")).hasSize(2);
        assertThat(sku.at("/listed/0/channel").asText()).isEqualTo("amazon");
        assertThat(sku.at("/listed/0/quantity").asInt()).isEqualTo(2);
        assertThat(sku.at("/listed/1/channel").asText()).isEqualTo("ebay");
        assertThat(sku.at("/listed/1/quantity").asInt()).isEqualTo(3);
        assertThat(Api.get(base, "/skus/SKU-C", AUTH).json().get("listed")).isEmpty();

        JsonNode live = Api.get(base, "/console/live", AUTH).json();
        assertThat(live.at("/open_alerts/count").asInt())
                .as("the resolved one is not open")
                .isEqualTo(3);
        assertThat(live.at("/open_alerts/latest/0/alert_id").asText()).isEqualTo("odd-1");
        assertThat(live.at("/totals/alerts").asInt()).isEqualTo(4);
        assertThat(Api.get(base, "/alerts?type=LOW_STOCK", AUTH)
                        .json()
                        .at("/alerts/0/status")
                        .asText())
                .isEqualTo("RESOLVED");
    }

    @Test
    void theTokenLoginSetsTheConsolesCookie() {
        assertThat(Api.get(base, "/console").status()).isEqualTo(401);
        assertThat(Api.get(base, "/console?token=wrong").status()).isEqualTo(401);
        Api.Answer login = Api.get(base, "/console?token=" + TOKEN);
        assertThat(login.status()).isEqualTo(303);
        assertThat(login.header("Location")).isEqualTo("/console");
        String cookie = login.header("Set-Cookie");
        assertThat(cookie)
                .startsWith(QueryService.TOKEN_COOKIE + "=" + TOKEN)
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");
        String sent = QueryService.TOKEN_COOKIE + "=" + TOKEN;
        assertThat(Api.getWith(base, "/console", "Cookie", sent).status()).isEqualTo(200);
        assertThat(Api.getWith(base, "/console/live", "Cookie", sent).status()).isEqualTo(200);
        assertThat(Api.getWith(base, "/console", "Cookie", QueryService.TOKEN_COOKIE + "=nope")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void badInputIsA404Or400WithAMessage() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("/console/orders/shopify:nope", 404);
        expected.put("/console/skus/NOPE", 404);
        expected.put("/console/reports?period=month", 400);
        expected.put("/reports/month", 400);
        expected.put("/reports/day?last=0", 400);
        expected.put("/reports/week?last=x", 400);
        expected.put("/reports/day/nope.csv", 404);
        expected.put("/reports/day/orders", 404);
        expected.put("/console/assets/secret.txt", 404);
        expected.put("/console/nothing-here", 404);
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            Api.Answer a = Api.get(base, e.getKey(), AUTH);
            assertThat(a.status()).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(a.body()).as(e.getKey()).isNotBlank();
        }
        // A path that climbs out of the assets is refused, whether by the server (400) or by the console (404).
        assertThat(Api.get(base, "/console/assets/..%2F..%2Fserve.openapi.json", AUTH)
                        .status())
                .isIn(400, 404);
        assertThat(Api.get(base, "/reports/month", AUTH).json().get("error").asText())
                .isEqualTo("period must be day or week, not 'month'");
        assertThat(Api.get(base, "/console/orders/shopify:nope", AUTH).body())
                .contains("Unknown order &#39;shopify:nope&#39;");
        // What the address carries is escaped in the page that names it.
        Api.Answer script = Api.get(base, "/console/skus/%3Cscript%3Ealert(1)%3C%2Fscript%3E", AUTH);
        assertThat(script.status()).isEqualTo(404);
        assertThat(script.body()).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Api.get(base, "/console/reports?period=month", AUTH).body()).contains("period must be day or week");
    }
}
