package io.stockflow.notifier;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.stockflow.notifier.alerting.AlertForwarder;
import io.stockflow.notifier.alerting.ForwarderMetrics;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;

/**
 * {@code ./stockflow notify}: runs the sender until SIGTERM (Ctrl-C), with its Prometheus endpoint on 127.0.0.1. The
 * settings come from an optional properties file, then {@code key=value} arguments; secrets only from the environment.
 */
public final class NotifyMain {
    private NotifyMain() {}

    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config")) {
                try (Reader in = Files.newBufferedReader(Path.of(args[++i]), StandardCharsets.UTF_8)) {
                    properties.load(in);
                }
            } else if (args[i].contains("=")) {
                String[] kv = args[i].split("=", 2);
                properties.setProperty(kv[0].replaceFirst("^--", ""), kv[1]);
            } else {
                throw new IllegalArgumentException("expected --config FILE or key=value, not " + args[i]);
            }
        }
        System.exit(run(NotifySettings.from(properties, System.getenv())));
    }

    /** Runs until SIGTERM or a failure of the loop; returns the exit code (1: the loop failed). */
    public static int run(NotifySettings settings) throws IOException, InterruptedException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        NotifierMetrics metrics = new NotifierMetrics(registry);
        try (MetricsEndpoint endpoint = new MetricsEndpoint(registry, settings.metricsPort())) {
            Notifier notifier = new Notifier(settings, metrics, Clock.systemUTC());
            AlertForwarder forwarder = settings.alerting().enabled()
                    ? new AlertForwarder(
                            settings.bootstrap(),
                            settings.kafkaProperties(),
                            settings.alerting(),
                            new ForwarderMetrics(registry),
                            Clock.systemUTC())
                    : null;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    if (forwarder != null) forwarder.close();
                    notifier.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            notifier.start();
            if (forwarder != null) forwarder.start();
            System.out.println("notify running; metrics on http://127.0.0.1:" + endpoint.port() + "/metrics"
                    + (forwarder == null
                            ? ""
                            : "; alerts from " + settings.alerting().topic() + " to Alertmanager at "
                                    + settings.alerting().alertmanager()));
            boolean notifierFailed = notifier.awaitStop();
            if (notifierFailed && forwarder != null) forwarder.close();
            boolean forwarderFailed = forwarder != null && forwarder.awaitStop();
            return notifierFailed || forwarderFailed ? 1 : 0;
        }
    }
}
