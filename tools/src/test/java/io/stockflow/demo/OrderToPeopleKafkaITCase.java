package io.stockflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stockflow.flink.graph.Jobs;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.StockflowOptions;
import io.stockflow.notifier.Notifier;
import io.stockflow.notifier.NotifierMetrics;
import io.stockflow.notifier.NotifySettings;
import io.stockflow.notifier.alerting.AlertForwarder;
import io.stockflow.notifier.alerting.AlertingSettings;
import io.stockflow.notifier.alerting.AlertmanagerProcess;
import io.stockflow.notifier.alerting.ForwarderMetrics;
import io.stockflow.testing.AlertmanagerPackage;
import io.stockflow.testing.KafkaPipeline;
import io.stockflow.testing.ShopifyOrders;
import io.stockflow.testing.TestTopics;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * From a marketplace order to the people who must hear of it, on real parts: a broker, every job in one graph on a
 * MiniCluster (as the demo runs them), the sender with GreenMail as the customer's SMTP server on 127.0.0.1, and the
 * alert forwarder with a real Alertmanager process on the shipped configuration. An order that misses its ship-by gives
 * its customer exactly one apology (beside the confirmation the order got when placed) and the team exactly one active
 * alert in Alertmanager, in its group; the at-risk warning before it is held back by the breach.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class OrderToPeopleKafkaITCase {
    @RegisterExtension
    static final KafkaPipeline PIPELINE = new KafkaPipeline();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDER = "shopify:9001";
    private static final String BUYER = "buyer9001@example.com";
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path home;

    @Test
    void anOrderThatMissesItsShipByGivesOneApologyEmailAndOneGroupedAlertmanagerAlert() throws Exception {
        TestTopics topics = PIPELINE.topics(Topics.ALL).createAll(1);
        String sent = topics.prefix() + ".notifications.sent";
        PIPELINE.broker().createTopics(1, List.of(sent));
        // Live event time: the fulfilment and carrier inputs stay silent in this test, and count as idle after a
        // second rather than the live default of a minute.
        JobOptions options = new JobOptions();
        options.set(StockflowOptions.IDLENESS, Duration.ofSeconds(1));
        PIPELINE.start(topics, Jobs.ALL, options);

        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        AlertmanagerProcess alertmanager = AlertmanagerProcess.start(
                AlertmanagerPackage.binary(),
                Path.of("..", "config", "alertmanager", "alertmanager.yml"),
                home.resolve("alertmanager"),
                freePort(),
                Duration.ofSeconds(30));
        NotifierMetrics metrics = new NotifierMetrics(new SimpleMeterRegistry());
        try (alertmanager;
                Notifier notifier = new Notifier(sender(topics, sent, smtp), metrics, Clock.systemUTC());
                AutoCloseable forwarder = forwarder(topics, alertmanager.url())) {
            notifier.start();

            topics.produce(
                    Topics.MOVEMENTS,
                    List.of("{\"movement_id\": \"mv-e2e-1\", \"sku\": \"SKU-E2E\", \"location\": \"WH-EAST\","
                            + " \"type\": \"RECEIPT\", \"quantity\": 5, \"occurred_at\": \"2026-11-23T09:00:00Z\"}"));
            // Live, the ledger takes movements and orders as they arrive: the stock is there before the order is.
            assertThat(topics.readCommitted(
                            Topics.AVAILABILITY, r -> r.stream().anyMatch(a -> a.contains("SKU-E2E")), WAIT))
                    .isNotEmpty();
            // Placed on a Tuesday morning in New York, standard service: it must ship within two working days.
            topics.produce(
                    Topics.ORDERS_RAW,
                    List.of(ShopifyOrders.placed(9001, "2026-11-24T10:00:00Z", "NY", "10001", "SKU-E2E", 1, "20.00")));
            await().atMost(WAIT).until(() -> subjects(smtp, BUYER).size() >= 1);

            // Time passes: the next order arrives on Friday morning, after the first one's ship-by and before it
            // would count as stuck. Event time follows the orders, as it does in a live shop.
            topics.produce(
                    Topics.ORDERS_RAW,
                    List.of(ShopifyOrders.placed(9002, "2026-11-27T07:00:00Z", "NY", "10001", "SKU-E2E", 1, "20.00")));

            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(subjects(smtp, BUYER))
                            .anySatisfy(s -> assertThat(s).contains("ships later than promised")));
            Api api = new Api(alertmanager.url());
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(api.alertsOf(ORDER, "active"))
                        .extracting(a -> a.path("labels").path("alertname").asText())
                        .containsExactly("SHIP_SLA_BREACH");
                assertThat(api.alertsOf(ORDER, "suppressed")).singleElement().satisfies(a -> {
                    assertThat(a.path("labels").path("alertname").asText()).isEqualTo("SHIP_SLA_AT_RISK");
                    assertThat(a.path("status").path("inhibitedBy")).isNotEmpty();
                });
            });
            // Long enough for a second message or alert about the order to arrive, were one sent.
            await().pollDelay(Duration.ofSeconds(10))
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> true);

            assertThat(subjects(smtp, BUYER))
                    .as("emails to the first order's buyer: the confirmation, then one apology")
                    .satisfiesExactly(
                            s -> assertThat(s).contains("9001").endsWith("confirmed"),
                            s -> assertThat(s).contains("9001").endsWith("ships later than promised"));
            assertThat(subjects(smtp, "buyer9002@example.com"))
                    .singleElement()
                    .satisfies(s -> assertThat(s).contains("9002").endsWith("confirmed"));
            assertThat(metrics.count("stockflow.notify.dead.letters")).isZero();

            List<JsonNode> active = api.alertsOf(ORDER, "active");
            assertThat(active).hasSize(1);
            JsonNode breach = active.get(0);
            assertThat(breach.path("labels").path("severity").asText()).isEqualTo("CRITICAL");
            assertThat(breach.path("labels").path("channel").asText()).isEqualTo("shopify");
            assertThat(breach.path("labels").path("location").asText()).isEqualTo("WH-EAST");
            assertThat(breach.path("annotations").path("link").asText()).endsWith("/orders/shopify%3A9001");
            // Grouped as the shipped configuration says: one group of the type and channel, holding this alert.
            assertThat(api.groupsHolding(breach.path("labels").path("alert_id").asText()))
                    .isNotEmpty()
                    .allSatisfy(g -> {
                        assertThat(g.path("labels").path("alertname").asText()).isEqualTo("SHIP_SLA_BREACH");
                        assertThat(g.path("labels").path("channel").asText()).isEqualTo("shopify");
                        assertThat(g.path("alerts")).hasSize(1);
                    })
                    .extracting(g -> g.path("receiver").path("name").asText())
                    .containsExactlyInAnyOrder("pagerduty", "chat", "email");
        } finally {
            smtp.stop();
        }
    }

    private static NotifySettings sender(TestTopics topics, String sent, GreenMail smtp) {
        Properties p = new Properties();
        p.setProperty("bootstrap", PIPELINE.broker().bootstrap());
        p.setProperty("group.id", topics.prefix() + "-notify");
        p.setProperty("transactional.id", topics.prefix() + "-notify");
        p.setProperty("topic.notifications", topics.name(Topics.NOTIFICATIONS));
        p.setProperty("topic.contacts", topics.name(Topics.CUSTOMERS_CONTACTS));
        p.setProperty("topic.deadletter", topics.name(Topics.DEADLETTER));
        p.setProperty("topic.sent", sent);
        p.setProperty("smtp.port", String.valueOf(smtp.getSmtp().getPort()));
        p.setProperty("quiet-hours", "none");
        p.setProperty("metrics.port", "0");
        return NotifySettings.from(p, Map.of());
    }

    private static AutoCloseable forwarder(TestTopics topics, URI alertmanager) {
        Map<String, String> v = new LinkedHashMap<>(AlertingSettings.KEYS);
        v.put("alertmanager.url", alertmanager.toString());
        v.put("alertmanager.group.id", topics.prefix() + "-alertmanager");
        v.put("topic.alerts", topics.name(Topics.ALERTS));
        v.put("topic.deadletter", topics.name(Topics.DEADLETTER));
        AlertForwarder f = new AlertForwarder(
                PIPELINE.broker().bootstrap(),
                Map.of(),
                AlertingSettings.from(v),
                new ForwarderMetrics(new SimpleMeterRegistry()),
                Clock.systemUTC());
        f.start();
        return f::close;
    }

    /** The subjects of the emails to one address, in the order they arrived. */
    private static List<String> subjects(GreenMail smtp, String to) throws Exception {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages())
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(to)) out.add(m.getSubject());
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Alertmanager's API v2, as far as this test reads it. */
    private record Api(URI base) {
        /** The alerts whose {@code order_id} label is the order, in one state: active, suppressed. */
        List<JsonNode> alertsOf(String orderId, String state) throws Exception {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode a : get("/api/v2/alerts"))
                if (orderId.equals(a.path("labels").path("order_id").asText())
                        && state.equals(a.path("status").path("state").asText())) out.add(a);
            return out;
        }

        /** The groups (one per receiver) that hold the alert. */
        List<JsonNode> groupsHolding(String alertId) throws Exception {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode g : get("/api/v2/alerts/groups"))
                for (JsonNode a : g.path("alerts"))
                    if (alertId.equals(a.path("labels").path("alert_id").asText())) out.add(g);
            return out;
        }

        private JsonNode get(String path) throws Exception {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return JSON.readTree(r.body());
        }
    }
}
