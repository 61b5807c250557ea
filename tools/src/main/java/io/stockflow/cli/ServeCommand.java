package io.stockflow.cli;

import io.stockflow.flink.io.KafkaSettings;
import io.stockflow.local.LocalKafka;
import io.stockflow.serve.QueryService;
import io.stockflow.serve.ServeSettings;
import io.stockflow.serve.ServedTopics;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Answers questions about SKUs, orders and alerts over HTTP, from the output topics.",
        description = {
            "Reads the output topics from the beginning (read_committed) into memory and answers in JSON:",
            "GET /skus/{sku}, /orders/{orderId}, /alerts, /search, /health, /metrics, /openapi.json.",
            "Binds 127.0.0.1 unless told otherwise. Any other address needs an access token: --token-file, "
                    + "or the variable " + ServeSettings.TOKEN_VARIABLE
                    + " (never printed). Ctrl-C stops. See docs/serve.md."
        })
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host = ServeSettings.DEFAULT_HOST;

    @Option(
            names = "--port",
            paramLabel = "N",
            description = "Port to bind; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = ServeSettings.DEFAULT_PORT;

    @Option(
            names = "--bootstrap",
            paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    String bootstrap = LocalKafka.BOOTSTRAP;

    @Option(
            names = "--topic",
            paramLabel = "NAME=ACTUAL",
            description = "Read another Kafka topic for a contract topic, e.g. --topic alerts=shop1.alerts.")
    Map<String, String> topics = new LinkedHashMap<>();

    @Option(
            names = "--kafka-properties",
            paramLabel = "FILE",
            description = "Kafka client properties (security); STOCKFLOW_KAFKA_* variables too. Never printed.")
    Path kafkaProperties;

    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description = "A file holding the access token; without it, the variable " + ServeSettings.TOKEN_VARIABLE
                    + ". Required when --host is not loopback.")
    Path tokenFile;

    @Option(
            names = "--max-orders",
            paramLabel = "N",
            description = "Orders whose timelines are kept, the oldest dropped first (default: ${DEFAULT-VALUE}).")
    int maxOrders = new ServeSettings().maxOrders;

    @Option(
            names = "--max-alerts",
            paramLabel = "N",
            description = "Alerts kept, the oldest dropped first (default: ${DEFAULT-VALUE}).")
    int maxAlerts = new ServeSettings().maxAlerts;

    PrintStream out = System.out;
    PrintStream err = System.err;
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws Exception {
        ServeSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (QueryService service = QueryService.start(settings)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "stockflow-serve-stop"));
            out.println("stockflow query API on " + service.baseUrl() + " (" + service.baseUrl() + "/health says when"
                    + " it has caught up; " + (settings.tokenRequired() ? "bearer token required" : "no token")
                    + "). Ctrl-C stops.");
            out.println("web console: " + service.consoleUrl()
                    + (settings.tokenRequired()
                            ? " (open it once as " + service.consoleUrl() + "?token=<token>)"
                            : ""));
            out.flush();
            stopped.await();
        }
        return 0;
    }

    /** The service's settings from the options, the token file or environment, and the Kafka properties. */
    ServeSettings settings() throws Exception {
        ServeSettings s = new ServeSettings();
        s.host = host;
        s.port = port;
        s.bootstrap = bootstrap;
        s.maxOrders = maxOrders;
        s.maxAlerts = maxAlerts;
        for (Map.Entry<String, String> t : topics.entrySet()) {
            if (!ServedTopics.ALL.contains(t.getKey()))
                throw new IllegalArgumentException(
                        "--topic " + t.getKey() + ": not a topic the query API reads " + ServedTopics.ALL);
            s.topicNames.put(t.getKey(), t.getValue());
        }
        KafkaSettings kafka = new KafkaSettings(bootstrap);
        if (kafkaProperties != null) kafka.loadProperties(kafkaProperties);
        kafka.loadEnvironment(environment);
        s.kafkaProperties.putAll(kafka.clientProperties());
        if (tokenFile != null) s.token = Files.readString(tokenFile).strip();
        else s.token = environment.get(ServeSettings.TOKEN_VARIABLE);
        return s.validate();
    }
}
