package io.stockflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stockflow.flink.io.Topics;
import io.stockflow.testing.AlertmanagerPackage;
import io.stockflow.testing.KafkaBroker;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The demo's Alertmanager: a real process and the forwarder over a real broker's alerts topic, and its screen line. */
@Timeout(900)
class DemoAlertmanagerITCase {
    @RegisterExtension
    static final KafkaBroker BROKER = new KafkaBroker();

    @TempDir
    Path project;

    @Test
    void theDemosAlertsReachItsAlertmanagerAndTheScreenCountsThem() throws Exception {
        AlertmanagerPackage.binary();
        Files.createDirectories(project.resolve("config/alertmanager"));
        Files.copy(
                Path.of("..", "config", "alertmanager", "alertmanager.yml"),
                project.resolve("config/alertmanager/alertmanager.yml"));
        BROKER.createTopics(1, List.of(Topics.ALERTS));
        AtomicLong now = new AtomicLong();

        try (DemoAlertmanager am =
                DemoAlertmanager.start(project, 0, URI.create("http://127.0.0.1:8070"), BROKER.bootstrap())) {
            assertThat(am.url().getHost()).isEqualTo("127.0.0.1");
            assertThat(am.summary(now.get()))
                    .isEqualTo("0 alerts in 0 groups over its receivers (0 silenced or inhibited)");
            BROKER.produce(
                    Topics.ALERTS,
                    List.of("{\"alert_id\":\"d-1\",\"type\":\"OVERSELL\",\"severity\":\"CRITICAL\",\"subject\":"
                            + "{\"sku\":\"SKU-1\"},\"event_time\":\"" + Instant.now() + "\",\"detected_at\":\""
                            + Instant.now() + "\",\"message\":\"m\",\"evidence\":{}}"));

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> am.summary(now.addAndGet(10_000)).startsWith("1 alert in 3 groups"));
        }
        assertThat(Files.readString(project.resolve(".stockflow/alertmanager/alertmanager.url")))
                .startsWith("http://127.0.0.1:");
    }

    @Test
    void withoutAlertmanagerTheDemoSaysWhatItWouldAddAndHowToGetIt() {
        assertThat(DemoAlertmanager.NOT_INSTALLED)
                .contains("apt-get install prometheus-alertmanager")
                .contains("grouped by type, channel and SKU")
                .contains("silences and inhibition")
                .contains("docs/alerting.md");
    }
}
