package io.stockflow.cli;

import io.stockflow.local.LocalKafka;
import io.stockflow.notifier.NotifyMain;
import io.stockflow.notifier.NotifySettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "notify",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Sends the customer notifications: email over SMTP, SMS through Twilio's Messages API.",
        description = {
            "Reads notifications.customer (committed records, as a consumer group), renders each one in its "
                    + "locale and sends it at most once per notification id, by the customer's preferred channel and",
            "outside their quiet hours; what cannot be sent goes to deadletter with the reason. Contact "
                    + "details come from customers.contacts. Metrics on http://127.0.0.1:PORT/metrics. Ctrl-C stops.",
            "Secrets from the environment only: " + NotifySettings.SMTP_PASSWORD_ENV + ", "
                    + NotifySettings.TWILIO_TOKEN_ENV + ".",
            "With --alertmanager URL it also posts every alert to Prometheus Alertmanager (docs/alerting.md).",
            "Every setting and its default: docs/notify.md.",
            "Example: ./stockflow notify --smtp-port 2525 --set twilio.base-url=http://127.0.0.1:8089"
        })
public final class NotifyCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "A properties file of notify settings.")
    Path config;

    @Option(
            names = "--bootstrap",
            paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    String bootstrap = LocalKafka.BOOTSTRAP;

    @Option(names = "--smtp-host", paramLabel = "HOST", description = "The SMTP server (default: 127.0.0.1).")
    String smtpHost;

    @Option(names = "--smtp-port", paramLabel = "PORT", description = "The SMTP port (default: 25).")
    Integer smtpPort;

    @Option(
            names = "--metrics-port",
            paramLabel = "PORT",
            description = "The Prometheus endpoint's port on 127.0.0.1 (default: 9464).")
    Integer metricsPort;

    @Option(
            names = "--alertmanager",
            paramLabel = "URL",
            description = "Also post every alert to this Alertmanager (./stockflow alertmanager start prints its URL).")
    String alertmanager;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any other setting; repeatable.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        Properties p = new Properties();
        if (config != null) {
            try (Reader in = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
                p.load(in);
            }
        }
        p.setProperty("bootstrap", bootstrap);
        if (smtpHost != null) p.setProperty("smtp.host", smtpHost);
        if (smtpPort != null) p.setProperty("smtp.port", smtpPort.toString());
        if (metricsPort != null) p.setProperty("metrics.port", metricsPort.toString());
        if (alertmanager != null) p.setProperty("alertmanager.url", alertmanager);
        settings.forEach(p::setProperty);
        return NotifyMain.run(NotifySettings.from(p, System.getenv()));
    }
}
