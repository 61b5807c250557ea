package io.stockflow.notifier.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stockflow.testing.AlertmanagerPackage;
import io.stockflow.testing.KafkaBroker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert forwarder against real parts: a KRaft broker in the test JVM and a real Alertmanager process (Debian's
 * {@code prometheus-alertmanager}, installed when missing) on a free port, with the shipped configuration.
 */
@Timeout(900)
class AlertmanagerKafkaITCase {
    @RegisterExtension
    static final KafkaBroker BROKER = new KafkaBroker();

    private static final AtomicInteger PREFIX = new AtomicInteger();

    @TempDir
    Path home;

    private String topic;
    private AlertmanagerProcess alertmanager;
    private AlertmanagerApi api;
    private final List<AlertForwarder> forwarders = new ArrayList<>();
    private ForwarderMetrics metrics;

    @BeforeEach
    void start() throws Exception {
        topic = "am" + PREFIX.incrementAndGet() + ".alerts";
        BROKER.createTopics(2, List.of(topic));
        alertmanager = startAlertmanager(freePort());
        api = new AlertmanagerApi(alertmanager.url());
    }

    @AfterEach
    void stop() throws Exception {
        for (AlertForwarder f : forwarders) f.close();
        if (alertmanager != null) alertmanager.close();
    }

    @Test
    @Timeout(120)
    void alertsOnTheTopicAreGroupedByTypeChannelAndSkuForEachReceiver() {
        forwarder(alertmanager.url(), "PT4H", "PT1M");
        BROKER.produce(
                topic,
                List.of(
                        alert("o-1", "OVERSELL", "CRITICAL", "{\"sku\":\"SKU-A\",\"order_id\":\"shopify:1\"}"),
                        alert("o-2", "OVERSELL", "CRITICAL", "{\"sku\":\"SKU-A\",\"order_id\":\"ebay:2\"}"),
                        alert("o-3", "OVERSELL", "CRITICAL", "{\"sku\":\"SKU-B\",\"order_id\":\"amazon:3\"}"),
                        alert("l-1", "LOW_STOCK", "WARNING", "{\"sku\":\"SKU-A\",\"location\":\"WH-1\"}"),
                        alert("c-1", "CAPACITY_EXCEEDED", "INFO", "{\"location\":\"WH-2\"}")));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(groupsOf("email"))
                        .containsEntry("OVERSELL SKU-A", Set.of("o-1", "o-2"))
                        .containsEntry("OVERSELL SKU-B", Set.of("o-3"))
                        .containsEntry("LOW_STOCK SKU-A", Set.of("l-1"))
                        .containsEntry("CAPACITY_EXCEEDED", Set.of("c-1"))
                        .hasSize(4));
        assertThat(groupsOf("pagerduty")).containsOnlyKeys("OVERSELL SKU-A", "OVERSELL SKU-B");
        assertThat(groupsOf("chat")).containsOnlyKeys("OVERSELL SKU-A", "OVERSELL SKU-B", "LOW_STOCK SKU-A");

        JsonNode oversell = api.alert("o-1");
        assertThat(oversell.path("labels").path("order_id").asText()).isEqualTo("shopify:1");
        assertThat(oversell.path("annotations").path("link").asText())
                .isEqualTo("http://127.0.0.1:8070/orders/shopify%3A1");
        assertThat(oversell.path("annotations").path("evidence").asText()).isEqualTo("{\"observed_units\":2}");
        assertThat(oversell.path("annotations").path("message").asText()).isEqualTo("OVERSELL o-1");
        assertThat(metrics.count("stockflow.alertmanager.posted", "reason", "new"))
                .isEqualTo(5);
    }

    @Test
    @Timeout(120)
    void aRecordThatIsNoAlertIsADeadLetterWithItsReasonAndHoldsUpNothing() throws Exception {
        String deadLetters = topic + ".deadletter";
        BROKER.createTopics(1, List.of(deadLetters));
        forwarder(alertmanager.url(), "PT4H", "PT1M", "topic.deadletter", deadLetters);
        BROKER.produce(
                topic,
                List.of(
                        "{\"alert_id\":\"b-1\",\"type\":\"OVERSELL\"}",
                        alert("g-1", "OVERSELL", "CRITICAL", "{\"sku\":\"SKU-G\"}")));

        await().atMost(Duration.ofSeconds(60)).until(() -> api.alert("g-1") != null);
        List<String> letters = BROKER.readCommitted(deadLetters, l -> !l.isEmpty(), Duration.ofSeconds(30));
        assertThat(letters)
                .singleElement()
                .satisfies(l -> assertThat(l)
                        .contains("\"source_topic\":\"" + topic + "\"")
                        .contains("\"error\":\"missing field: $.severity\"")
                        .contains("\"stage\":\"alertmanager\"")
                        .contains("b-1"));
        assertThat(metrics.count("stockflow.alertmanager.unreadable")).isEqualTo(1);
    }

    @Test
    @Timeout(120)
    void aSilenceCreatedThroughTheApiSilencesTheMatchingAlertOnly() {
        String silence =
                api.silence(Instant.now().plus(Duration.ofHours(1)), "alertname", "LEDGER_MISMATCH", "sku", "SKU-S");
        forwarder(alertmanager.url(), "PT4H", "PT1M");
        BROKER.produce(
                topic,
                List.of(
                        alert("m-1", "LEDGER_MISMATCH", "WARNING", "{\"sku\":\"SKU-S\",\"location\":\"WH-1\"}"),
                        alert("m-2", "LEDGER_MISMATCH", "WARNING", "{\"sku\":\"SKU-T\",\"location\":\"WH-1\"}")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(state(api.alert("m-1"))).isEqualTo("suppressed");
            assertThat(api.alert("m-1").path("status").path("silencedBy").toString())
                    .contains(silence);
            assertThat(state(api.alert("m-2"))).isEqualTo("active");
        });
    }

    @Test
    @Timeout(120)
    void aSilentChannelInhibitsDemandDropsAndCriticalInhibitsTheWarningOfTheSameCause() {
        forwarder(alertmanager.url(), "PT4H", "PT1M");
        BROKER.produce(
                topic,
                List.of(
                        alert("d-1", "DEMAND_DROP", "WARNING", "{\"sku\":\"SKU-D\"}"),
                        alert("s-1", "DEMAND_SPIKE", "WARNING", "{\"sku\":\"SKU-E\"}"),
                        alert("w-1", "LOW_STOCK", "WARNING", "{\"sku\":\"SKU-F\",\"location\":\"WH-1\"}"),
                        alert("w-2", "LOW_STOCK", "WARNING", "{\"sku\":\"SKU-F\",\"location\":\"WH-2\"}")));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(List.of("d-1", "s-1", "w-1", "w-2"))
                        .allSatisfy(id -> assertThat(state(api.alert(id))).isEqualTo("active")));

        BROKER.produce(
                topic,
                List.of(
                        alert("f-1", "FEED_SILENT", "CRITICAL", "{\"channel\":\"amazon\"}"),
                        alert("c-1", "LOW_STOCK", "CRITICAL", "{\"sku\":\"SKU-F\",\"location\":\"WH-1\"}")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(state(api.alert("d-1"))).isEqualTo("suppressed");
            assertThat(api.alert("d-1").path("status").path("inhibitedBy")).isNotEmpty();
            assertThat(state(api.alert("w-1"))).isEqualTo("suppressed");
        });
        assertThat(state(api.alert("s-1")))
                .as("a spike is not what silence causes")
                .isEqualTo("active");
        assertThat(state(api.alert("w-2")))
                .as("another location is another cause")
                .isEqualTo("active");
        assertThat(state(api.alert("f-1"))).isEqualTo("active");
        assertThat(state(api.alert("c-1"))).isEqualTo("active");
    }

    @Test
    @Timeout(120)
    void aSilentCarrierInhibitsTheBreachesOfItsParcelsThatNeverHadAnUpdateAndNothingElse() {
        forwarder(alertmanager.url(), "PT4H", "PT1M");
        BROKER.produce(
                topic,
                List.of(
                        // Parcels of UPS that never had a carrier update, stuck and late: what UPS's silence explains.
                        orderAlert("u-stuck", "STUCK_ORDER", "WARNING", "shopify:1", "stage", "SHIPPED", "UPS"),
                        orderAlert(
                                "u-late", "DELIVERY_SLA_BREACH", "CRITICAL", "ebay:2", "last_state", "SHIPPED", "UPS"),
                        // A UPS parcel the carrier did report on, late in transit: its own breach.
                        orderAlert(
                                "u-tracked",
                                "DELIVERY_SLA_BREACH",
                                "CRITICAL",
                                "ebay:3",
                                "last_state",
                                "IN_TRANSIT",
                                "UPS"),
                        // Another carrier's silent parcel; an order that never shipped; a channel's unknown carrier.
                        orderAlert(
                                "f-late",
                                "DELIVERY_SLA_BREACH",
                                "CRITICAL",
                                "ebay:4",
                                "last_state",
                                "SHIPPED",
                                "FedEx"),
                        orderAlert("w-stuck", "STUCK_ORDER", "WARNING", "woocommerce:5", "stage", "ALLOCATED", null),
                        orderAlert(
                                "w-late",
                                "DELIVERY_SLA_BREACH",
                                "CRITICAL",
                                "woocommerce:6",
                                "last_state",
                                "SHIPPED",
                                null),
                        orderAlert(
                                "s-late",
                                "DELIVERY_SLA_BREACH",
                                "CRITICAL",
                                "shopify:7",
                                "last_state",
                                "SHIPPED",
                                null)));
        List<String> all = List.of("u-stuck", "u-late", "u-tracked", "f-late", "w-stuck", "w-late", "s-late");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(all)
                        .allSatisfy(id -> assertThat(state(api.alert(id))).isEqualTo("active")));

        BROKER.produce(
                topic,
                List.of(
                        alert("cs-ups", "CARRIER_SILENT", "CRITICAL", "{}")
                                .replace("{\"observed_units\":2}", "{\"orders\":2,\"carrier\":\"UPS\"}"),
                        alert("cs-woo", "CARRIER_SILENT", "CRITICAL", "{\"channel\":\"woocommerce\"}")
                                .replace("{\"observed_units\":2}", "{\"orders\":1,\"channel\":\"woocommerce\"}")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String id : List.of("u-stuck", "u-late", "w-late")) {
                assertThat(state(api.alert(id))).as(id).isEqualTo("suppressed");
                assertThat(api.alert(id).path("status").path("inhibitedBy"))
                        .as(id)
                        .isNotEmpty();
            }
        });
        assertThat(state(api.alert("u-tracked")))
                .as("a parcel its carrier reported on keeps its own breach")
                .isEqualTo("active");
        assertThat(state(api.alert("f-late"))).as("another carrier").isEqualTo("active");
        assertThat(state(api.alert("w-stuck")))
                .as("an order that never shipped is not the carrier's")
                .isEqualTo("active");
        assertThat(state(api.alert("s-late"))).as("another channel").isEqualTo("active");
        assertThat(state(api.alert("cs-ups"))).isEqualTo("active");
        assertThat(state(api.alert("cs-woo"))).isEqualTo("active");
    }

    @Test
    @Timeout(120)
    void activeAlertsArePostedAgainBeforeTheyEndAndEndActiveForAfterTheyWereWritten() {
        forwarder(alertmanager.url(), "PT8S", "PT1S");
        BROKER.produce(topic, List.of(alert("r-1", "STUCK_ORDER", "WARNING", "{\"order_id\":\"shopify:9\"}")));

        await().atMost(Duration.ofSeconds(30)).until(() -> api.alert("r-1") != null);
        Instant firstEnd = endsAt(api.alert("r-1"));
        assertThat(firstEnd).isBefore(Instant.now().plusSeconds(5));
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        api.alert("r-1") != null && endsAt(api.alert("r-1")).isAfter(firstEnd));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.alert("r-1") == null);
        assertThat(metrics.count("stockflow.alertmanager.posted", "reason", "repost"))
                .isPositive();
        await().atMost(Duration.ofSeconds(5)).until(() -> metrics.active() == 0);
    }

    @Test
    @Timeout(180)
    void aRestartedForwarderPostsTheActiveAlertsAgainAndAResolutionEndsOne() throws Exception {
        AlertForwarder first = forwarder(alertmanager.url(), "PT4H", "PT1M");
        BROKER.produce(
                topic,
                List.of(
                        alert("x-1", "OVERSELL", "CRITICAL", "{\"sku\":\"SKU-X\"}"),
                        alert("y-1", "OVERSELL", "CRITICAL", "{\"sku\":\"SKU-Y\"}")));
        await().atMost(Duration.ofSeconds(60)).until(() -> api.alert("x-1") != null && api.alert("y-1") != null);
        first.close();
        forwarders.remove(first);
        // Alertmanager keeps silences and its notification log on disk, not alerts: a restart starts it empty.
        int port = alertmanager.url().getPort();
        alertmanager.close();
        alertmanager = startAlertmanager(port);
        assertThat(api.alerts()).isEmpty();

        forwarder(alertmanager.url(), "PT4H", "PT1M");

        await().atMost(Duration.ofSeconds(60)).until(() -> api.alert("x-1") != null && api.alert("y-1") != null);
        BROKER.produce(topic, List.of(resolved("x-1", "OVERSELL", "CRITICAL", "{\"sku\":\"SKU-X\"}")));
        await().atMost(Duration.ofSeconds(60)).until(() -> api.alert("x-1") == null);
        assertThat(api.alert("y-1")).isNotNull();
        assertThat(metrics.count("stockflow.alertmanager.posted", "reason", "resolved"))
                .isEqualTo(1);
    }

    @Test
    @Timeout(180)
    void alertsWrittenWhileAlertmanagerIsDownArePostedOnceItIsUp() throws Exception {
        int port = alertmanager.url().getPort();
        alertmanager.close();
        alertmanager = null;
        forwarder(URI.create("http://127.0.0.1:" + port), "PT4H", "PT1M");
        BROKER.produce(topic, List.of(alert("u-1", "FEED_SILENT", "CRITICAL", "{\"channel\":\"ebay\"}")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> metrics.count("stockflow.alertmanager.post.failures", "outcome", "failed") >= 2);

        alertmanager = startAlertmanager(port);

        await().atMost(Duration.ofSeconds(90)).until(() -> api.alert("u-1") != null);
        assertThat(state(api.alert("u-1"))).isEqualTo("active");
    }

    private AlertmanagerProcess startAlertmanager(int port) throws Exception {
        return AlertmanagerProcess.start(
                AlertmanagerPackage.binary(),
                AlertmanagerConfigITCase.CONFIG,
                home.resolve("alertmanager"),
                port,
                Duration.ofSeconds(30));
    }

    private AlertForwarder forwarder(URI url, String activeFor, String repostEvery, String... extra) {
        Map<String, String> v = new LinkedHashMap<>(AlertingSettings.KEYS);
        for (int i = 0; i < extra.length; i += 2) v.put(extra[i], extra[i + 1]);
        v.put("alertmanager.url", url.toString());
        v.put("alertmanager.group.id", topic + ".forwarder");
        v.put("topic.alerts", topic);
        v.put("alertmanager.active-for", activeFor);
        v.put("alertmanager.repost-every", repostEvery);
        v.put("alertmanager.max-backoff", "PT2S");
        if (metrics == null) metrics = new ForwarderMetrics(new SimpleMeterRegistry());
        AlertForwarder f =
                new AlertForwarder(BROKER.bootstrap(), Map.of(), AlertingSettings.from(v), metrics, Clock.systemUTC());
        f.start();
        forwarders.add(f);
        return f;
    }

    /** Each group of the receiver as "alertname sku channel" (those it has) with the alert ids in it. */
    private Map<String, Set<String>> groupsOf(String receiver) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (JsonNode g : api.groups(receiver)) {
            List<String> key = new ArrayList<>();
            for (String label : List.of("alertname", "sku", "channel")) {
                String value = g.path("labels").path(label).asText("");
                if (!value.isEmpty()) key.add(value);
            }
            Set<String> ids = new TreeSet<>();
            for (JsonNode a : g.path("alerts"))
                ids.add(a.path("labels").path("alert_id").asText());
            out.put(String.join(" ", key), ids);
        }
        return out;
    }

    private static String state(JsonNode alert) {
        return alert == null ? "missing" : alert.path("status").path("state").asText();
    }

    private static Instant endsAt(JsonNode alert) {
        return Instant.parse(alert.path("endsAt").asText());
    }

    static String alert(String id, String type, String severity, String subject) {
        return "{\"alert_id\":\"" + id + "\",\"type\":\"" + type + "\",\"severity\":\"" + severity
                + "\",\"subject\":" + subject + ",\"event_time\":\"" + Instant.now() + "\",\"detected_at\":\""
                + Instant.now() + "\",\"message\":\"" + type + " " + id + "\",\"evidence\":{\"observed_units\":2}}";
    }

    /** An order's alert of the lifecycle job's shape: its stage (or last state) and carrier in the evidence. */
    private static String orderAlert(
            String id, String type, String severity, String orderId, String stageField, String stage, String carrier) {
        String channel = orderId.substring(0, orderId.indexOf(':'));
        String evidence = "{\"" + stageField + "\":\"" + stage + "\""
                + (carrier == null ? "" : ",\"carrier\":\"" + carrier + "\"") + "}";
        return alert(id, type, severity, "{\"order_id\":\"" + orderId + "\",\"channel\":\"" + channel + "\"}")
                .replace("{\"observed_units\":2}", evidence);
    }

    static String resolved(String id, String type, String severity, String subject) {
        return alert(id, type, severity, subject)
                .replaceFirst("}$", ",\"status\":\"RESOLVED\",\"resolved_at\":\"" + Instant.now() + "\"}");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
