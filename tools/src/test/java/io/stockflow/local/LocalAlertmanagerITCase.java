package io.stockflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockflow.notifier.alerting.AlertmanagerProcess;
import io.stockflow.testing.AlertmanagerPackage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's Alertmanager: a real process with the shipped configuration, its files under .stockflow. */
@Timeout(900)
class LocalAlertmanagerITCase {
    private static final Path CONFIG = Path.of("..", "config", "alertmanager", "alertmanager.yml");

    @TempDir
    Path project;

    @Test
    void startsOnAFreePortWithTheShippedConfigurationAndWritesTheSecretsFromTheEnvironmentForItsOwnerOnly()
            throws Exception {
        AlertmanagerPackage.binary();
        LocalAlertmanager local = new LocalAlertmanager(project, CONFIG);

        try (AlertmanagerProcess am = local.start(
                0, Map.of("STOCKFLOW_ALERTMANAGER_SLACK_WEBHOOK_URL", "https://hooks.example.com/T0/B0/x\n"))) {
            HttpResponse<String> status = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(am.url().resolve("/api/v2/status"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).contains("FEED_SILENT").contains("pagerduty");
            assertThat(local.running())
                    .hasValueSatisfying(
                            p -> assertThat(p.pid()).isEqualTo(am.process().pid()));
            assertThat(local.url()).contains(am.url().toString());
            assertThat(URI.create(am.url().toString()).getHost()).isEqualTo("127.0.0.1");

            Path secret = project.resolve(".stockflow/alertmanager/secrets/slack_webhook_url");
            assertThat(Files.readString(secret)).isEqualTo("https://hooks.example.com/T0/B0/x");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
                    .isEqualTo("rw-------");
            assertThat(project.resolve(".stockflow/alertmanager/secrets/pagerduty_routing_key"))
                    .doesNotExist();
            assertThat(project.resolve(".stockflow/alertmanager/data")).isDirectory();

            assertThatThrownBy(() -> local.start(am.url().getPort(), Map.of()))
                    .hasMessageContaining("port " + am.url().getPort() + " is in use");
        }
        assertThat(local.running()).isEmpty();
    }
}
