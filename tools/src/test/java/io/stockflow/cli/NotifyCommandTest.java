package io.stockflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The launcher registers the sender as `notify`, and its help names the secrets' environment variables. */
class NotifyCommandTest {
    @Test
    void theLauncherHasANotifyCommandWhoseHelpSaysWhereSecretsComeFrom() {
        StringWriter out = new StringWriter();
        CommandLine launcher = Stockflow.commandLine();
        launcher.setOut(new PrintWriter(out, true));

        assertThat(launcher.execute("notify", "--help")).isZero();

        assertThat(launcher.getSubcommands()).containsKey("notify");
        assertThat(out.toString())
                .contains("--smtp-port")
                .contains("--set")
                .contains("STOCKFLOW_SMTP_PASSWORD")
                .contains("STOCKFLOW_TWILIO_AUTH_TOKEN")
                .contains("docs/notify.md")
                .contains("--alertmanager");
    }

    @Test
    void theLauncherHasAnAlertmanagerCommandWhoseHelpSaysWhereSecretsComeFromAndAStopWithoutOneIsANoOp() {
        StringWriter out = new StringWriter();
        CommandLine launcher = Stockflow.commandLine();
        launcher.setOut(new PrintWriter(out, true));

        assertThat(launcher.execute("alertmanager", "--help")).isZero();

        assertThat(out.toString())
                .contains("start, stop or status")
                .contains("--port")
                .contains("STOCKFLOW_ALERTMANAGER_SMTP_PASSWORD")
                .contains("STOCKFLOW_ALERTMANAGER_SLACK_WEBHOOK_URL")
                .contains("STOCKFLOW_ALERTMANAGER_PAGERDUTY_ROUTING_KEY")
                .contains("docs/alerting.md");
        assertThat(launcher.execute("alertmanager", "restart")).isEqualTo(2);
    }
}
