package io.stockflow.notifier.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.testing.AlertmanagerPackage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shipped Alertmanager configuration, checked by Alertmanager's own {@code amtool}. */
@Timeout(900)
class AlertmanagerConfigITCase {
    static final Path CONFIG = Path.of("..", "config", "alertmanager", "alertmanager.yml");

    @Test
    void theShippedConfigurationIsValid() throws Exception {
        String out = amtool("check-config", CONFIG.toString());

        assertThat(out).contains("SUCCESS").contains("3 receivers").contains("7 inhibit rules");
    }

    @Test
    void criticalPagesAndChatsAndMailsWarningChatsAndMailsInfoOnlyMails() throws Exception {
        assertThat(route("alertname=OVERSELL", "severity=CRITICAL", "sku=S")).isEqualTo("pagerduty,chat,email");
        assertThat(route("alertname=LOW_STOCK", "severity=WARNING", "sku=S")).isEqualTo("chat,email");
        assertThat(route("alertname=CAPACITY_EXCEEDED", "severity=INFO", "location=WH-1"))
                .isEqualTo("email");
    }

    private static String route(String... labels) throws Exception {
        List<String> args = new ArrayList<>(List.of("config", "routes", "test", "--config.file=" + CONFIG));
        args.addAll(List.of(labels));
        return amtool(args.toArray(String[]::new)).strip();
    }

    private static String amtool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(AlertmanagerPackage.amtool().toString());
        command.addAll(List.of(args));
        // amtool warns on stderr that --config.file overrides its default URL: only its answer on stdout counts.
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
