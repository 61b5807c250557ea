package io.stockflow.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stockflow.marketsim.MarketplaceSimulator;
import io.stockflow.testing.KafkaBroker;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sender against real parts: a KRaft broker, GreenMail as the SMTP server on 127.0.0.1, and the marketplace
 * simulator's Twilio Messages API, all in the test JVM.
 */
@Timeout(120)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotifyKafkaITCase {
    @RegisterExtension
    static final KafkaBroker BROKER = new KafkaBroker();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger PREFIX = new AtomicInteger();
    private static MarketplaceSimulator simulator;
    private static URI twilio;

    private GreenMail smtp;
    private final List<Notifier> notifiers = new ArrayList<>();
    private NotifyTopics topics;

    @BeforeAll
    static void startSimulator() {
        simulator = new MarketplaceSimulator(0);
        twilio = simulator.start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    private void setUp(TestInfo test) throws Exception {
        topics = new NotifyTopics(BROKER, test.getTestMethod().orElseThrow().getName() + PREFIX.incrementAndGet());
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Notifier n : notifiers) n.close();
        if (smtp != null) smtp.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private GreenMail smtpOn(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private NotifierMetrics start(Properties properties) {
        return start(properties, Clock.systemUTC());
    }

    private NotifierMetrics start(Properties properties, Clock clock) {
        NotifierMetrics metrics = new NotifierMetrics(new SimpleMeterRegistry());
        Notifier notifier = new Notifier(
                NotifySettings.from(properties, Map.of(NotifySettings.TWILIO_TOKEN_ENV, "simulator_auth_token")),
                metrics,
                clock);
        notifiers.add(notifier);
        notifier.start();
        return metrics;
    }

    private List<JsonNode> read(String topic, int atLeast) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : BROKER.readCommitted(topic, values -> values.size() >= atLeast, Duration.ofSeconds(30)))
            out.add(parse(line));
        return out;
    }

    private static boolean settled(NotifierMetrics metrics) {
        return metrics.count("stockflow.notify.claimed") == metrics.count("stockflow.notify.settled");
    }

    /** The latest state per notification id in the claim log. */
    private Map<String, String> latestStates() {
        Map<String, String> latest = new HashMap<>();
        for (String line : BROKER.readCommitted(topics.sent, v -> false, Duration.ofSeconds(2))) {
            JsonNode claim = parse(line);
            latest.put(claim.get("notification_id").asText(), claim.get("state").asText());
        }
        return latest;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String notificationId(MimeMessage message) {
        try {
            return message.getHeader("X-Stockflow-Notification-Id")[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every raw email and phone the tests wrote to the contacts topic, for the leak check that runs last. */
    private static final List<String> RAW_CONTACTS = List.of(
            "ada@example.com",
            "grace@example.com",
            "+4915112345678",
            "c0@example.com",
            "c29@example.com",
            "outage@example.com",
            "no-at-sign.example.com",
            "locale@example.com",
            "broken@example.com",
            "erased@example.com",
            "fine@example.com",
            "late@example.com");

    @Test
    @Order(1)
    void anOrdersNotificationYieldsExactlyOneEmailAndARepeatIsNotSentAgain(TestInfo test) throws Exception {
        setUp(test);
        smtp = smtpOn(freePort());
        topics.contact("shopify:1001", Fixture.emailContact("shopify:1001", "ada@example.com"));
        topics.contact("shopify:1002", Fixture.emailContact("shopify:1002", "grace@example.com"));
        NotifierMetrics metrics = start(topics.settings(smtp.getSmtp().getPort(), twilio.toString()));

        topics.notification("shopify:1001", Fixture.shipped("n-1", "shopify:1001"));
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 1);
        topics.notification("shopify:1001", Fixture.shipped("n-1", "shopify:1001"));
        topics.notification("shopify:1002", Fixture.shipped("n-2", "shopify:1002"));
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> metrics.count("stockflow.notify.repeats") == 1);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage first = received[0];
        assertThat(first.getSubject()).isEqualTo("Order 1001 has shipped");
        assertThat(first.getAllRecipients()[0].toString()).isEqualTo("ada@example.com");
        assertThat(notificationId(first)).isEqualTo("n-1");
        assertThat(notificationId(received[1])).isEqualTo("n-2");
        assertThat(first.getContentType()).startsWith("multipart/alternative");
        assertThat(metrics.count("stockflow.notify.sent", "channel", "email")).isEqualTo(2);
        List<JsonNode> sent = read(topics.sent, 4);
        assertThat(sent.stream()
                        .map(c -> c.get("notification_id").asText() + ":"
                                + c.get("state").asText()))
                .containsExactlyInAnyOrder("n-1:SENDING", "n-1:SENT", "n-2:SENDING", "n-2:SENT");
    }

    @Test
    @Order(2)
    void aCustomerWhoPrefersSmsGetsOneThroughTwilio(TestInfo test) throws Exception {
        setUp(test);
        smtp = smtpOn(freePort());
        topics.contact("shopify:2001", Fixture.smsContact("shopify:2001", "+4915112345678"));
        start(topics.settings(smtp.getSmtp().getPort(), twilio.toString()));

        topics.notification("shopify:2001", Fixture.notification("s-1", "shopify:2001", "shipped", "de-DE"));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> simulatorMessages().toString().contains("+4915112345678"));
        JsonNode messages = simulatorMessages();
        List<String> bodies = new ArrayList<>();
        messages.findValues("body").forEach(b -> bodies.add(b.asText()));
        assertThat(bodies).contains("Bestellung 2001 versandt mit UPS. Sendung: 1Z999AA10123456784");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private static JsonNode simulatorMessages() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(twilio.resolve("/_sim/messages")).build(),
                        HttpResponse.BodyHandlers.ofString());
        return parse(response.body());
    }

    @Test
    @Order(3)
    void aRestartMidBatchSendsNothingTwice(TestInfo test) throws Exception {
        setUp(test);
        smtp = smtpOn(freePort());
        int count = 30;
        for (int i = 0; i < count; i++)
            topics.contact(
                    "shopify:" + (3000 + i), Fixture.emailContact("shopify:" + (3000 + i), "c" + i + "@example.com"));
        for (int i = 0; i < count; i++)
            topics.notification("shopify:" + (3000 + i), Fixture.shipped("r-" + i, "shopify:" + (3000 + i)));
        Properties slow = topics.settings(
                smtp.getSmtp().getPort(), twilio.toString(), "rate.email-per-second", "10", "batch.size", "10");

        start(slow);
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 4);
        notifiers.remove(0).halt();
        int beforeRestart = smtp.getReceivedMessages().length;
        NotifierMetrics second = start(slow);

        // A halt can fall between a send and its outcome: that message is both received and counted as interrupted.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> smtp.getReceivedMessages().length + second.interrupted() >= count);
        await().atMost(Duration.ofSeconds(10)).until(() -> settled(second));
        Map<String, Integer> perId = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) perId.merge(notificationId(m), 1, Integer::sum);
        assertThat(perId.values()).allMatch(n -> n == 1);
        assertThat(beforeRestart).isLessThan(count);
        assertThat(second.interrupted())
                .as("the claimed but unsent messages of the halted batch are counted, not sent")
                .isBetween(0L, 10L);
        Set<String> sentOrInterrupted = new HashSet<>(perId.keySet());
        latestStates().forEach((id, state) -> {
            if (state.equals("SENDING")) sentOrInterrupted.add(id);
        });
        assertThat(sentOrInterrupted)
                .as("every notification was sent once, or its send was interrupted and counted")
                .hasSize(count);
        assertThat(perId.size()).isBetween(count - (int) second.interrupted(), count);
    }

    @Test
    @Order(4)
    void anSmtpOutageDelaysTheEmailAndThenDeliversIt(TestInfo test) throws Exception {
        setUp(test);
        int port = freePort();
        topics.contact("shopify:4001", Fixture.emailContact("shopify:4001", "outage@example.com"));
        NotifierMetrics metrics = start(topics.settings(port, twilio.toString(), "retry.max-attempts", "100"));

        topics.notification("shopify:4001", Fixture.shipped("o-1", "shopify:4001"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> metrics.count("stockflow.notify.retried", "channel", "email") >= 2);
        smtp = smtpOn(port);

        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 1);
        assertThat(notificationId(smtp.getReceivedMessages()[0])).isEqualTo("o-1");
        assertThat(metrics.count("stockflow.notify.sent", "channel", "email")).isEqualTo(1);
        assertThat(metrics.count("stockflow.notify.failed", "channel", "email")).isZero();
    }

    @Test
    @Order(5)
    void unsendableNotificationsGoToDeadLettersWithTheirReasonAndHoldUpNothingElse(TestInfo test) throws Exception {
        setUp(test);
        smtp = smtpOn(freePort());
        topics.contact("shopify:5001", Fixture.emailContact("shopify:5001", "no-at-sign.example.com"));
        topics.contact("shopify:5002", Fixture.smsContact("shopify:5002", "12345"));
        topics.contact("shopify:5003", Fixture.emailContact("shopify:5003", "locale@example.com"));
        topics.contact("shopify:5004", Fixture.emailContact("shopify:5004", "broken@example.com"));
        topics.contact("shopify:5005", Fixture.emailContact("shopify:5005", "erased@example.com"));
        topics.contact("shopify:5005", null);
        topics.contact("shopify:5006", Fixture.emailContact("shopify:5006", "fine@example.com"));
        start(topics.settings(smtp.getSmtp().getPort(), twilio.toString(), "locale.unknown", "dead-letter"));

        topics.notification("shopify:5001", Fixture.shipped("d-1", "shopify:5001"));
        topics.notification("shopify:5002", Fixture.shipped("d-2", "shopify:5002"));
        topics.notification("shopify:5003", Fixture.notification("d-3", "shopify:5003", "shipped", "fr-FR"));
        topics.notification("shopify:5004", Fixture.notification("d-4", "shopify:5004", "test-broken", "en-US"));
        topics.notification("shopify:5005", Fixture.shipped("d-5", "shopify:5005"));
        topics.notification("shopify:5006", Fixture.shipped("d-6", "shopify:5006"));
        topics.notification("shopify:5007", "{not json");

        List<JsonNode> dead = read(topics.deadLetters, 6);
        Map<String, String> reasons = new HashMap<>();
        for (JsonNode d : dead) {
            assertThat(d.get("source_topic").asText()).isEqualTo(topics.notifications);
            reasons.put(
                    d.has("notification_id") ? d.get("notification_id").asText() : "unreadable",
                    d.get("error").asText());
        }
        assertThat(reasons.get("d-1")).startsWith("not sent: email: email address does not parse");
        assertThat(reasons.get("d-2")).startsWith("not sent: sms: SMS refused by the provider (HTTP 400, code 21211");
        assertThat(reasons.get("d-3"))
                .isEqualTo("no message templates for locale fr-FR (default en-US; locale.unknown=dead-letter)");
        assertThat(reasons.get("d-4")).startsWith("template en/test-broken").contains("does not compile");
        assertThat(reasons.get("d-5"))
                .isEqualTo("no contact details for order shopify:5005 in " + topics.contacts
                        + " (never written, or erased)");
        assertThat(reasons.get("unreadable")).startsWith("not JSON");
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 1);
        assertThat(notificationId(smtp.getReceivedMessages()[0])).isEqualTo("d-6");

        String everythingElse =
                String.join("\n", BROKER.readCommitted(topics.deadLetters, v -> true, Duration.ofSeconds(2)))
                        + String.join("\n", BROKER.readCommitted(topics.sent, v -> true, Duration.ofSeconds(2)));
        for (String raw : List.of(
                "no-at-sign.example.com",
                "12345",
                "locale@example.com",
                "broken@example.com",
                "erased@example.com",
                "fine@example.com"))
            assertThat(everythingElse).as("no output topic carries %s", raw).doesNotContain(raw);
    }

    @Test
    @Order(6)
    void anSmsInTheCustomersQuietHoursWaitsForTheirEndAlsoAcrossARestart(TestInfo test) throws Exception {
        setUp(test);
        smtp = smtpOn(freePort());
        topics.contact("shopify:6001", Fixture.smsContact("shopify:6001", "+4915100006001"));
        // 22:30 in Berlin, the contact's zone: inside 21:00-08:00.
        MovableClock clock = new MovableClock(java.time.Instant.parse("2026-11-10T21:30:00Z"));
        Properties quiet = topics.settings(smtp.getSmtp().getPort(), twilio.toString(), "quiet-hours", "21:00-08:00");
        NotifierMetrics first = start(quiet, clock);

        topics.notification("shopify:6001", Fixture.shipped("q-1", "shopify:6001"));
        await().atMost(Duration.ofSeconds(30)).until(() -> first.count("stockflow.notify.held") == 1);
        notifiers.remove(0).close();
        assertThat(simulatorMessages().toString()).doesNotContain("+4915100006001");

        clock.advance(Duration.ofHours(10)); // 08:30 in Berlin
        NotifierMetrics second = start(quiet, clock);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> simulatorMessages().toString().contains("+4915100006001"));
        assertThat(second.count("stockflow.notify.sent", "channel", "sms")).isEqualTo(1);
        assertThat(second.interrupted()).isZero();
        List<JsonNode> states = read(topics.sent, 3);
        assertThat(states.stream().map(c -> c.get("state").asText())).containsExactly("HELD", "SENDING", "SENT");
    }

    @Test
    @Order(7)
    void twoSendersInOneGroupShareTheWorkAndARebalanceSendsNothingTwice(TestInfo test) throws Exception {
        setUp(test);
        smtp = smtpOn(freePort());
        int count = 40;
        for (int i = 0; i < count; i++)
            topics.contact(
                    "shopify:" + (7000 + i), Fixture.emailContact("shopify:" + (7000 + i), "g" + i + "@example.com"));
        Properties a = topics.settings(
                smtp.getSmtp().getPort(),
                twilio.toString(),
                "rate.email-per-second",
                "10",
                "batch.size",
                "5",
                "transactional.id",
                topics.notifications + ".a");
        Properties b = topics.settings(
                smtp.getSmtp().getPort(),
                twilio.toString(),
                "rate.email-per-second",
                "10",
                "batch.size",
                "5",
                "transactional.id",
                topics.notifications + ".b");
        start(a);
        NotifierMetrics second = start(b);
        for (int i = 0; i < count; i++)
            topics.notification("shopify:" + (7000 + i), Fixture.shipped("g-" + i, "shopify:" + (7000 + i)));

        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 8);
        notifiers.remove(0).halt();
        // A sender with the halted one's id starts; the group rebalances; what the halted one claimed and did not send
        // is lost.
        NotifierMetrics third = start(a);
        // Settled: every notification claimed, and neither live sender has a send in flight; the halted sender's
        // claims without an outcome stay SENDING (lost, or sent just before the halt).
        await().atMost(Duration.ofSeconds(60))
                .until(() -> latestStates().size() == count && settled(second) && settled(third));
        Map<String, Integer> perId = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) perId.merge(notificationId(m), 1, Integer::sum);
        assertThat(perId.values()).as("no notification sent twice").allMatch(n -> n == 1);
        Map<String, String> latest = latestStates();
        assertThat(latest.values()).allMatch(state -> state.equals("SENT") || state.equals("SENDING"));
        long open = latest.values().stream().filter("SENDING"::equals).count();
        assertThat(open).as("at most the halted sender's batch").isLessThanOrEqualTo(5);
        assertThat(perId.keySet())
                .as("every notification sent, or claimed by the halted sender")
                .containsAll(latest.entrySet().stream()
                        .filter(e -> e.getValue().equals("SENT"))
                        .map(Map.Entry::getKey)
                        .toList());
        assertThat(perId.size() + open).isGreaterThanOrEqualTo(count);
        assertThat(second.count("stockflow.notify.sent", "channel", "email")).isPositive();
    }

    @Test
    @Order(8)
    void aNotificationWaitsForAContactWrittenAfterItAlsoAcrossARestartAndIsSentOnce(TestInfo test) throws Exception {
        setUp(test);
        smtp = smtpOn(freePort());
        Properties patient = topics.settings(smtp.getSmtp().getPort(), twilio.toString(), "contacts.grace", "PT2M");
        NotifierMetrics first = start(patient);

        topics.notification("shopify:8001", Fixture.shipped("w-1", "shopify:8001"));
        await().atMost(Duration.ofSeconds(30)).until(() -> first.count("stockflow.notify.contact.waits") == 1);
        notifiers.remove(0).close();
        topics.contact("shopify:8001", Fixture.emailContact("shopify:8001", "late@example.com"));
        NotifierMetrics second = start(patient);

        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> settled(second));
        assertThat(notificationId(smtp.getReceivedMessages()[0])).isEqualTo("w-1");
        assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString())
                .isEqualTo("late@example.com");
        assertThat(latestStates()).containsEntry("w-1", "SENT");
        assertThat(first.count("stockflow.notify.dead.letters") + second.count("stockflow.notify.dead.letters"))
                .isZero();
        assertThat(BROKER.readCommitted(topics.deadLetters, v -> false, Duration.ofSeconds(2)))
                .isEmpty();
    }

    @Test
    @Order(9)
    void withoutAContactAfterTheGracePeriodAnAmazonNoticeIsSkippedAndAnyOtherDeadLettered(TestInfo test)
            throws Exception {
        setUp(test);
        smtp = smtpOn(freePort());
        topics.contact("shopify:9101", Fixture.emailContact("shopify:9101", "fine@example.com"));
        NotifierMetrics metrics =
                start(topics.settings(smtp.getSmtp().getPort(), twilio.toString(), "contacts.grace", "PT3S"));
        long startedAt = System.nanoTime();

        topics.notification("amazon:9102", Fixture.shipped("a-1", "amazon:9102"));
        topics.notification("shopify:9103", Fixture.shipped("a-2", "shopify:9103"));
        topics.notification("shopify:9101", Fixture.shipped("a-3", "shopify:9101"));

        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 1);
        assertThat(notificationId(smtp.getReceivedMessages()[0]))
                .as("a notification with its contact is not held up by the ones waiting")
                .isEqualTo("a-3");
        List<JsonNode> dead = read(topics.deadLetters, 1);
        assertThat(Duration.ofNanos(System.nanoTime() - startedAt))
                .as("the notification without a contact waited out the grace period")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.get("notification_id").asText()).isEqualTo("a-2");
            assertThat(d.get("error").asText()).startsWith("no contact details for order shopify:9103");
        });
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "SKIPPED".equals(latestStates().get("a-1")));
        assertThat(latestStates()).containsEntry("a-2", "FAILED").containsEntry("a-3", "SENT");
        JsonNode skipped = null;
        for (String line : BROKER.readCommitted(topics.sent, v -> false, Duration.ofSeconds(2))) {
            JsonNode claim = parse(line);
            if (claim.get("notification_id").asText().equals("a-1")
                    && claim.get("state").asText().equals("SKIPPED")) skipped = claim;
        }
        assertThat(skipped).isNotNull();
        assertThat(skipped.get("detail").asText())
                .isEqualTo("amazon does not share its buyers' contact details; the marketplace messages them itself");
        assertThat(metrics.count("stockflow.notify.skipped", "reason", "no_buyer_contact", "channel", "amazon"))
                .isEqualTo(1);
        assertThat(metrics.count("stockflow.notify.dead.letters", "reason", "contact"))
                .isEqualTo(1);
        assertThat(metrics.count("stockflow.notify.contact.waits")).isEqualTo(2);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    @Order(10)
    void noLogLineOfTheRunsAboveCarriesARawEmailOrPhone() throws IOException {
        String log = Files.readString(Path.of("target/notify-test.log"), StandardCharsets.UTF_8);

        assertThat(log).contains("sent n-1 shipped by email (shopify:1001)");
        for (String raw : RAW_CONTACTS)
            assertThat(log).as("the log carries %s", raw).doesNotContain(raw);
        assertThat(log).doesNotContain("simulator_auth_token");
    }
}
