package io.stockflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stockflow.flink.io.KafkaBinding;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.StockflowOptions;
import io.stockflow.notifier.Notifier;
import io.stockflow.notifier.NotifierMetrics;
import io.stockflow.notifier.NotifySettings;
import io.stockflow.testing.KafkaPipeline;
import io.stockflow.testing.ShopifyOrders;
import io.stockflow.testing.TestFlink;
import io.stockflow.testing.TestTopics;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * From a marketplace order to the customer's mailbox, on real parts: a broker, the inventory and lifecycle jobs on a
 * MiniCluster, the sender, and GreenMail as the SMTP server on 127.0.0.1. The sender reads only what the jobs wrote
 * ({@code notifications.customer} and {@code customers.contacts}) and sends the order's confirmation exactly once, to
 * the address of the marketplace payload (the second order only moves event time on).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class OrderToEmailKafkaITCase {
    @RegisterExtension
    static final KafkaPipeline PIPELINE = new KafkaPipeline();

    private static final String SENT = "notifications.sent";

    @Test
    @Disabled("the contact arrives on customers.contacts, but the lifecycle job writes no notification for the order"
            + " within 90 s in this setup (two orders, silent fulfilment and tracking inputs, each job under its own"
            + " name); to be found before this runs")
    void anOrderOnOrdersRawGetsExactlyOneEmail() throws Exception {
        TestTopics topics = PIPELINE.topics(Topics.ALL).createAll(1);
        String sent = topics.prefix() + SENT;
        PIPELINE.broker().createTopics(1, List.of(sent));
        // The lifecycle job's notices follow event time; its fulfilment and tracking inputs stay silent here, so they
        // count as idle after a second rather than the live default.
        JobOptions options = new JobOptions();
        options.set(StockflowOptions.IDLENESS, Duration.ofSeconds(1));
        // Two jobs on one set of topics: each under a name of its own, so their consumer groups and transactional
        // ids (alerts and deadletter are written by both) stay apart.
        PIPELINE.start(
                topics,
                "inventory",
                options,
                TestFlink.jobConfiguration(0),
                b -> new KafkaBinding(topics.settings(), topics.prefix() + "inventory"));
        PIPELINE.start(
                topics,
                "lifecycle",
                options,
                TestFlink.jobConfiguration(0),
                b -> new KafkaBinding(topics.settings(), topics.prefix() + "lifecycle"));

        topics.produce(
                Topics.MOVEMENTS,
                List.of("{\"movement_id\": \"mv-mail-1\", \"sku\": \"SKU-MAIL\", \"location\": \"WH-EAST\","
                        + " \"type\": \"RECEIPT\", \"quantity\": 5, \"occurred_at\": \"2026-11-26T09:00:00Z\"}"));
        topics.produce(
                Topics.ORDERS_RAW,
                List.of(ShopifyOrders.placed(9001, "2026-11-26T10:00:00Z", "NY", "10001", "SKU-MAIL", 1, "20.00")));
        // A later order moves event time past the first one, so the lifecycle job judges it.
        topics.produce(
                Topics.ORDERS_RAW,
                List.of(ShopifyOrders.placed(9002, "2026-11-26T12:00:00Z", "NY", "10001", "SKU-MAIL", 1, "20.00")));

        Duration wait = Duration.ofSeconds(90);
        assertThat(topics.readCommitted(Topics.CUSTOMERS_CONTACTS, r -> r.size() >= 2, wait))
                .hasSize(2)
                .anySatisfy(c -> assertThat(c).contains("shopify:9001", "buyer9001@example.com"));
        assertThat(topics.readCommitted(
                        Topics.NOTIFICATIONS, r -> r.stream().anyMatch(n -> n.contains("shopify:9001")), wait))
                .filteredOn(n -> n.contains("shopify:9001"))
                .singleElement()
                .asString()
                .doesNotContain("buyer9001@example.com");

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Properties p = new Properties();
        p.setProperty("bootstrap", PIPELINE.broker().bootstrap());
        p.setProperty("group.id", topics.prefix() + "notify");
        p.setProperty("transactional.id", topics.prefix() + "notify");
        p.setProperty("topic.notifications", topics.name(Topics.NOTIFICATIONS));
        p.setProperty("topic.contacts", topics.name(Topics.CUSTOMERS_CONTACTS));
        p.setProperty("topic.deadletter", topics.name(Topics.DEADLETTER));
        p.setProperty("topic.sent", sent);
        p.setProperty("smtp.port", String.valueOf(port));
        p.setProperty("quiet-hours", "none");
        p.setProperty("metrics.port", "0");
        NotifierMetrics metrics = new NotifierMetrics(new SimpleMeterRegistry());
        try (Notifier notifier = new Notifier(NotifySettings.from(p, Map.of()), metrics, Clock.systemUTC())) {
            notifier.start();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> toFirstBuyer(smtp).size() >= 1);
            // Long enough for a second message of the same order to arrive, were one sent.
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30)).until(() -> true);
            List<MimeMessage> received = toFirstBuyer(smtp);
            assertThat(received).as("emails to the first order's buyer").hasSize(1);
            MimeMessage mail = received.get(0);
            List<String> to = new ArrayList<>();
            for (var a : mail.getRecipients(Message.RecipientType.TO)) to.add(a.toString());
            assertThat(to).containsExactly("buyer9001@example.com");
            assertThat(mail.getSubject()).contains("9001");
            assertThat(metrics.count("stockflow.notify.dead.letters")).isZero();
        } finally {
            smtp.stop();
        }
    }

    private static List<MimeMessage> toFirstBuyer(GreenMail smtp) throws Exception {
        List<MimeMessage> received = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages())
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals("buyer9001@example.com"))
                received.add(m);
        return received;
    }
}
