package io.stockflow.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.flink.graph.JobGraph;
import io.stockflow.flink.graph.Jobs;
import io.stockflow.flink.io.KafkaBinding;
import io.stockflow.flink.io.KafkaSettings;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.StockflowOptions;
import io.stockflow.flink.main.FlinkOptions;
import io.stockflow.flink.main.Home;
import io.stockflow.local.ChildLifetime;
import io.stockflow.local.LocalAlertmanager;
import io.stockflow.local.LocalKafka;
import io.stockflow.local.LocalPorts;
import io.stockflow.serve.QueryService;
import io.stockflow.serve.ServeSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs everything on this machine and shows it live.",
            "Starts a local Kafka broker, runs every job on an embedded Flink, feeds generated traffic from all four "
                    + "marketplaces (duplicates and bad records included) and shows what happens; the query API",
            "(./stockflow serve) answers on 127.0.0.1:8070, with its web console at http://127.0.0.1:8070/console.",
            "The marketplace simulator (127.0.0.1:8090) stands in for the four channels: the sync job pushes the "
                    + "ledger's available units to it, and the busiest SKUs show what each channel lists beside the ledger.",
            "When Prometheus Alertmanager is installed, the alerts are posted to a local one (127.0.0.1:9093), "
                    + "grouped and routed by the shipped configuration.",
            "Ctrl-C stops everything."
        })
public final class DemoCommand implements Callable<Integer> {
    private static final List<String> SHOWN = List.of(
            Topics.ORDERS_CANONICAL,
            Topics.AVAILABILITY,
            Topics.ALLOCATIONS,
            Topics.ALERTS,
            Topics.NOTIFICATIONS,
            Topics.CHANNEL_SYNC,
            Topics.CHANNEL_SHIPMENTS,
            Topics.DEADLETTER);
    /** The screen, and the simulator's listed quantities with it, at most this often: for people, once a second is live. */
    private static final long RENDER_EVERY_MS = 1000;
    /** The longest a signal waits for a stop already under way: the stop's own parts are bounded well under it. */
    private static final Duration STOP_WAIT = Duration.ofMinutes(2);

    @Option(
            names = "--rate",
            paramLabel = "ORDERS_PER_SECOND",
            description = "Orders per second (default: ${DEFAULT-VALUE}).")
    int rate = 5;

    @Option(names = "--seed", description = "Seed of the generated traffic (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(
            names = "--for",
            paramLabel = "DURATION",
            converter = io.stockflow.flink.job.DurationConverter.class,
            description = "Stop by itself after this long (default: run until Ctrl-C).")
    Duration runFor;

    @Option(
            names = "--serve-port",
            paramLabel = "N",
            description = "Port of the query API on 127.0.0.1 (./stockflow serve); 0 picks a free one, -1 starts none"
                    + " (default: ${DEFAULT-VALUE}).")
    int servePort = ServeSettings.DEFAULT_PORT;

    @Option(
            names = "--sim-port",
            paramLabel = "N",
            description = "Port of the marketplace simulator the sync job pushes to, on 127.0.0.1; 0 picks a free one,"
                    + " -1 runs without channel sync (default: ${DEFAULT-VALUE}).")
    int simPort = DEFAULT_SIM_PORT;

    static final int DEFAULT_SIM_PORT = 8090;

    @Option(
            names = "--alertmanager-port",
            paramLabel = "N",
            description = "Port of a local Prometheus Alertmanager the alerts are posted to, when it is installed; 0"
                    + " picks a free one, -1 starts none (default: ${DEFAULT-VALUE}).")
    int alertmanagerPort = LocalAlertmanager.DEFAULT_PORT;

    @Mixin
    JobOptions jobOptions;

    @Mixin
    FlinkOptions flink;

    @Override
    public Integer call() throws Exception {
        if (flink.webPort != 0 && !LocalPorts.free(flink.webPort)) {
            System.err.println(
                    "stockflow demo: port " + flink.webPort + " (the Flink web UI) is in use: stop what holds"
                            + " it, or pick another with --web-port N (0 picks a free one)");
            return 2;
        }
        if (servePort > 0 && !LocalPorts.free(servePort)) {
            System.err.println("stockflow demo: port " + servePort + " (the query API) is in use: stop what holds it,"
                    + " or pick another with --serve-port N (0 picks a free one, -1 starts none)");
            return 2;
        }
        LocalKafka kafka = new LocalKafka(Home.path());
        System.out.println("Kafka broker on " + LocalKafka.BOOTSTRAP + " ...");
        // The broker takes no Ctrl-C of its own: the demo stops it last, after everything that reads or writes it.
        ProcessHandle broker = kafka.ensureUp(Duration.ofSeconds(60), ChildLifetime.ENDS_WITH_LAUNCHER)
                .map(Process::toHandle)
                .orElse(null);
        System.out.println(broker == null ? "Using the broker already there." : "Started a local broker.");
        DemoFeeder feeder = new DemoFeeder(LocalKafka.BOOTSTRAP, rate, seed);
        DemoChannels channels = null;
        String channelSyncOff = null;
        if (simPort < 0) {
            channelSyncOff = "--sim-port -1";
        } else {
            try {
                channels = DemoChannels.start(
                        simPort,
                        new DemoListings(feeder.settings().skuIds(), feeder.settings().locations),
                        Home.path().resolve(".stockflow").resolve("demo"));
                System.out.println(
                        "Marketplace simulator on " + channels.baseUrl() + ", listing map " + channels.listingMap());
            } catch (RuntimeException e) {
                // The demo still shows everything else: channel sync is one part of it, not a reason to stop.
                channelSyncOff = "the marketplace simulator could not start on port " + simPort + " (" + e.getMessage()
                        + "); --sim-port N picks another (0: a free one)";
                System.err.println("stockflow demo: " + channelSyncOff + ". Running without channel sync.");
            }
        }
        JobClient job;
        try {
            LocalKafka.createTopics(LocalKafka.BOOTSTRAP, Topics.ALL, 3);
            KafkaSettings settings = new KafkaSettings(LocalKafka.BOOTSTRAP);
            // Availability carries absolute levels and versions: at-least-once is safe and shows stock move at once.
            settings.atLeastOnceTopics.add(Topics.AVAILABILITY);
            StreamExecutionEnvironment env;
            if (channels != null) {
                // The sync job reads the map from its setting, the channels' keys from the Flink configuration and
                // the credentials from the environment, as in any run; the simulator's credentials go in directly.
                jobOptions.set(StockflowOptions.LISTINGS, channels.listingMap().toString());
                jobOptions.channelEnvironment = DemoChannels.CREDENTIALS;
                env = flink.environment(false, channels.configuration());
            } else {
                env = flink.environment(false);
            }
            JobGraph.wire(env, Jobs.resolve(Jobs.ALL), new KafkaBinding(settings, "demo"), jobOptions);
            System.out.println("Starting the jobs on an embedded Flink ...");
            job = env.executeAsync("stockflow demo");
        } catch (Exception | Error e) {
            // Nothing this run started is left behind when it cannot start.
            if (broker != null) LocalKafka.stop(broker, Duration.ofSeconds(15));
            if (channels != null) channels.close();
            throw e;
        }

        QueryService api = servePort < 0 ? null : startQueryApi();
        DemoAlertmanager alertmanager = null;
        String alertmanagerOff = null;
        if (alertmanagerPort < 0) alertmanagerOff = "off (--alertmanager-port -1)";
        else if (!LocalAlertmanager.installed()) alertmanagerOff = DemoAlertmanager.NOT_INSTALLED;
        else {
            try {
                alertmanager = DemoAlertmanager.start(
                        Home.path(),
                        alertmanagerPort,
                        api == null ? URI.create("http://127.0.0.1:" + ServeSettings.DEFAULT_PORT) : api.baseUrl());
            } catch (Exception e) {
                // The rest of the demo does not need it: say why, and what --alertmanager-port does.
                alertmanagerOff = "could not start on port " + alertmanagerPort + " (" + e.getMessage()
                        + "); --alertmanager-port N picks another (0: a free one)";
            }
        }
        DemoMailbox mailbox = null;
        String mailboxOff = null;
        try {
            mailbox = DemoMailbox.start(channels == null ? null : channels.baseUrl());
        } catch (Exception e) {
            // The jobs still write notifications.customer; only their sending is not shown.
            mailboxOff = "the sender could not start (" + e.getMessage() + ")";
        }
        Thread feederThread = new Thread(feeder, "demo-feeder");
        feederThread.setDaemon(true);
        feederThread.start();

        ProcessHandle ourBroker = broker;
        DemoChannels ourChannels = channels;
        DemoAlertmanager ourAlertmanager = alertmanager;
        DemoMailbox ourMailbox = mailbox;
        // Ctrl-C (or SIGTERM) runs the same stop as the end of --for, once: the hook stops everything while the
        // screen's loop below sees the stop and ends. A signal during the stop at the end of --for waits for that
        // stop, as the JVM ends when its hooks return.
        AtomicBoolean stopping = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stopEverything = () -> {
            if (stopping.compareAndSet(false, true)) {
                try {
                    stopAll(feederThread, api, job, ourChannels, ourAlertmanager, ourMailbox, ourBroker);
                } finally {
                    stopped.countDown();
                }
            } else {
                try {
                    stopped.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stopEverything, "demo-shutdown"));

        String header = "stockflow demo: " + rate + " orders/s from shopify, amazon, ebay and woocommerce"
                + " (Ctrl-C stops everything)\n"
                + "Flink web UI: http://127.0.0.1:" + flink.webPort + "   Kafka: " + LocalKafka.BOOTSTRAP
                + "   outputs: " + String.join(", ", SHOWN) + "\n"
                + (api == null
                        ? ""
                        : "Console: " + api.consoleUrl() + "  (live orders, stock, alerts; reports with CSV at "
                                + api.baseUrl() + "/console/reports)\n"
                                + "Query API: " + api.baseUrl() + "  (e.g. " + api.baseUrl() + "/alerts, /skus/{sku},"
                                + " /orders/{orderId}; docs/serve.md)\n")
                + (channels == null
                        ? "Channel sync: off\n"
                        : "Marketplace simulator: " + channels.baseUrl() + "  (what each channel lists: "
                                + channels.baseUrl() + "/_sim/quantities; docs/marketplace-simulator.md)\n")
                + (alertmanager == null
                        ? "Alertmanager: " + alertmanagerOff + "\n"
                        : "Alertmanager: " + alertmanager.url() + "  (grouped alerts, silences: " + alertmanager.url()
                                + "/#/alerts; docs/alerting.md)\n")
                + "Read any topic yourself, e.g. kcat -C -b " + LocalKafka.BOOTSTRAP + " -t alerts";
        long stopAt = runFor == null ? Long.MAX_VALUE : System.currentTimeMillis() + runFor.toMillis();
        DemoDashboard dashboard = new DemoDashboard();
        if (channelSyncOff != null) dashboard.channelSyncOff(channelSyncOff);
        try (KafkaConsumer<String, String> consumer = outputConsumer()) {
            consumer.subscribe(SHOWN);
            long nextRender = 0;
            while (!stopping.get() && System.currentTimeMillis() < stopAt) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    dashboard.accept(r.topic(), r.value(), System.currentTimeMillis());
                    if (mailbox != null && r.topic().equals(Topics.NOTIFICATIONS)) {
                        JsonNode n = DemoDashboard.parse(r.value());
                        if (n != null)
                            mailbox.notification(
                                    n.path("notification_id").asText(),
                                    n.path("template").asText());
                    }
                    // Each order placed is put on its marketplace in the simulator, where its shipment is confirmed.
                    if (channels != null && r.topic().equals(Topics.ORDERS_CANONICAL)) {
                        JsonNode order = DemoDashboard.parse(r.value());
                        if (order != null && "PLACED".equals(order.path("type").asText())) channels.seedOrder(order);
                    }
                }
                if (!stopping.get() && System.currentTimeMillis() >= nextRender) {
                    if (channels != null) showListed(channels, dashboard);
                    String messages = mailbox == null
                            ? "\nCustomer messages: off (" + mailboxOff + ")"
                            : "\n" + mailbox.summary();
                    dashboard.render(
                            System.out,
                            System.currentTimeMillis(),
                            (alertmanager == null
                                            ? header
                                            : header + "\nIn Alertmanager: "
                                                    + alertmanager.summary(System.currentTimeMillis()))
                                    + messages);
                    nextRender = System.currentTimeMillis() + RENDER_EVERY_MS;
                }
            }
        } catch (RuntimeException e) {
            // The parts the screen reads from stop under it once a signal came: that is the stop, not a failure.
            if (!stopping.get()) throw e;
        }
        stopEverything.run();
        return 0;
    }

    /** The channels' listed quantities into the dashboard; a failed read keeps the last ones (the next try is 1 s on). */
    private static void showListed(DemoChannels channels, DemoDashboard dashboard) {
        try {
            dashboard.listed(channels.listed());
        } catch (RuntimeException e) {
            // A read that fails (the simulator busy stopping, a timeout) shows the previous quantities one second
            // longer.
        }
    }

    /** The query API on loopback over the demo's topics (no token: loopback only). */
    private QueryService startQueryApi() {
        ServeSettings settings = new ServeSettings();
        settings.port = servePort;
        settings.bootstrap = LocalKafka.BOOTSTRAP;
        return QueryService.start(settings);
    }

    private static KafkaConsumer<String, String> outputConsumer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", LocalKafka.BOOTSTRAP);
        p.put("group.id", "stockflow-demo-view-" + UUID.randomUUID());
        p.put("auto.offset.reset", "latest");
        p.put("isolation.level", "read_committed");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    private static void stopAll(
            Thread feeder,
            QueryService api,
            JobClient job,
            DemoChannels channels,
            DemoAlertmanager alertmanager,
            DemoMailbox mailbox,
            ProcessHandle broker) {
        System.out.println("\nStopping the feeder, the query API, the jobs, the sender and its mailbox, the marketplace"
                + " simulator, Alertmanager and the broker ...");
        feeder.interrupt();
        try {
            feeder.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (api != null) {
            try {
                api.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            job.cancel().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("the job did not cancel cleanly: " + e.getMessage());
        }
        if (mailbox != null) {
            try {
                mailbox.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (channels != null) channels.close();
        if (alertmanager != null) {
            try {
                alertmanager.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (broker != null) {
            try {
                LocalKafka.stop(broker, Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
