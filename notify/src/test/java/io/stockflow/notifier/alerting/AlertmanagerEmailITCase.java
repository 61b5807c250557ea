package io.stockflow.notifier.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stockflow.testing.AlertmanagerPackage;
import io.stockflow.testing.KafkaBroker;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped configuration's email receiver delivering through a real SMTP server (GreenMail on 127.0.0.1): the
 * configuration as shipped, with only the SMTP server, its login and TLS, and the group wait set for the test.
 */
@Timeout(900)
class AlertmanagerEmailITCase {
    @RegisterExtension
    static final KafkaBroker BROKER = new KafkaBroker();

    @TempDir
    Path home;

    @Test
    @Timeout(120)
    void oneEmailCarriesTheGroupsAlertsWithTheirMessagesAndLinks() throws Exception {
        String topic = "mail.alerts";
        BROKER.createTopics(1, List.of(topic));
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path config = home.resolve("alertmanager.yml");
        Files.writeString(
                config,
                Files.readString(AlertmanagerConfigITCase.CONFIG)
                        .replace(
                                "smtp.example.com:587",
                                "127.0.0.1:" + smtp.getSmtp().getPort())
                        .replace("smtp_require_tls: true", "smtp_require_tls: false")
                        .replaceAll("(?m)^  smtp_auth_.*\\n", "")
                        .replace("group_wait: 30s", "group_wait: 1s"));
        try (AlertmanagerProcess am = AlertmanagerProcess.start(
                AlertmanagerPackage.binary(), config, home.resolve("am"), freePort(), Duration.ofSeconds(30))) {
            Map<String, String> v = new LinkedHashMap<>(AlertingSettings.KEYS);
            v.put("alertmanager.url", am.url().toString());
            v.put("topic.alerts", topic);
            AlertForwarder forwarder = new AlertForwarder(
                    BROKER.bootstrap(),
                    Map.of(),
                    AlertingSettings.from(v),
                    new ForwarderMetrics(new SimpleMeterRegistry()),
                    Clock.systemUTC());
            forwarder.start();
            try {
                BROKER.produce(
                        topic,
                        List.of(
                                AlertmanagerKafkaITCase.alert(
                                        "m-1", "OVERSELL", "CRITICAL", "{\"sku\":\"SKU-M\",\"order_id\":\"ebay:7\"}"),
                                AlertmanagerKafkaITCase.alert(
                                        "m-2", "OVERSELL", "CRITICAL", "{\"sku\":\"SKU-M\",\"order_id\":\"ebay:8\"}")));

                await().atMost(Duration.ofSeconds(60)).until(() -> smtp.getReceivedMessages().length >= 1);
            } finally {
                forwarder.close();
            }
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(mail.getSubject()).isEqualTo("[stockflow firing] OVERSELL SKU-M (2)");
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("shop-ops@example.com");
            String body = GreenMailUtil.getBody(mail);
            assertThat(body)
                    .contains("OVERSELL m-1")
                    .contains("OVERSELL m-2")
                    .contains("/orders/ebay%3A7")
                    .contains("observed_units");
        } finally {
            smtp.stop();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
