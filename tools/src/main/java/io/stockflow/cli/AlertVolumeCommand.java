package io.stockflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stockflow.flink.graph.JobGraph;
import io.stockflow.flink.graph.Jobs;
import io.stockflow.flink.io.FileBinding;
import io.stockflow.flink.io.InputEventTimes;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.StockflowJob;
import io.stockflow.flink.job.StockflowOptions;
import io.stockflow.flink.main.FlinkOptions;
import io.stockflow.flink.time.ReplayHorizon;
import io.stockflow.generate.GeneratorSettings;
import io.stockflow.generate.Scenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "alert-volume",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Measures how many alerts people get: per type and per 10,000 orders, without and with grouping.",
        description = {
            "Generates days of traffic in which one carrier (" + Scenarios.SILENT_CARRIER + ") never reports and "
                    + "one SKU sells out for two days, runs the inventory and lifecycle jobs bounded over it twice, with",
            "stockflow.alerts.grouping false and true, and prints per alert type the alerts (distinct ids) and "
                    + "records of each run per 10,000 orders. Then checks that every per-order breach of a tracked order",
            "(a parcel whose carrier reports) is still raised with grouping on."
        })
public final class AlertVolumeCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ORDER_BREACHES = Set.of("STUCK_ORDER", "DELIVERY_SLA_BREACH");

    @Option(
            names = "--work",
            paramLabel = "DIR",
            description = "Where the scenario and the runs' outputs go (default: a temporary folder).")
    Path work;

    @Option(names = "--seed", description = "Seed of the generated scenario (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--days", description = "Days of the generated scenario (default: ${DEFAULT-VALUE}).")
    int days = 5;

    @Option(
            names = "--orders-per-hour",
            description = "Orders per hour of the generated scenario (default: ${DEFAULT-VALUE}).")
    double ordersPerHour = 200;

    @Mixin
    JobOptions jobOptions;

    @Mixin
    FlinkOptions flink;

    @Override
    public Integer call() throws Exception {
        Path dir = work != null ? work : Files.createTempDirectory("stockflow-alert-volume");
        Path input = dir.resolve("scenario");
        GeneratorSettings settings = Scenarios.alertVolume(seed, days);
        settings.ordersPerHour = ordersPerHour;
        Scenarios.write(settings, input);
        Volume before = run(input, dir.resolve("ungrouped"), false);
        Volume after = run(input, dir.resolve("grouped"), true);
        Set<String> silentOrders = ordersShippedWith(input, Scenarios.SILENT_CARRIER);
        System.out.println("scenario " + input + ": " + days + " days, " + after.orders + " orders, carrier "
                + Scenarios.SILENT_CARRIER + " silent (" + silentOrders.size() + " orders shipped with it), "
                + settings.soldOutSku + " sold out for " + settings.soldOutFor.toDays() + " days");
        System.out.print(table(before, after));
        Set<String> trackedBefore = trackedBreaches(before, silentOrders);
        Set<String> trackedAfter = trackedBreaches(after, silentOrders);
        Set<String> lost = new TreeSet<>(trackedBefore);
        lost.removeAll(trackedAfter);
        System.out.println("per-order breaches of tracked orders: " + trackedBefore.size() + " without grouping, "
                + (trackedBefore.size() - lost.size()) + " of them still raised with grouping"
                + (lost.isEmpty() ? "" : "; missing: " + lost));
        return lost.isEmpty() ? 0 : 1;
    }

    /** Runs inventory and lifecycle in one bounded graph over the scenario and counts its alerts. */
    Volume run(Path input, Path output, boolean grouping) throws Exception {
        jobOptions.replay = true;
        jobOptions.horizon = new ReplayHorizon(InputEventTimes.max(input).orElse(Long.MIN_VALUE));
        jobOptions.set(StockflowOptions.ALERT_GROUPING, grouping);
        List<StockflowJob> jobs = new ArrayList<>(Jobs.resolve("inventory"));
        jobs.addAll(Jobs.resolve("lifecycle"));
        StreamExecutionEnvironment env = flink.environment(true);
        JobGraph.wire(env, jobs, new FileBinding(input.toAbsolutePath(), output.toAbsolutePath()), jobOptions);
        env.execute("stockflow alert-volume");
        Volume v = new Volume();
        for (String line : Scenarios.alertLines(output.resolve(Topics.ORDERS_CANONICAL))) {
            if ("PLACED".equals(JSON.readTree(line).path("type").asText())) v.orders++;
        }
        for (String line : Scenarios.alertLines(output.resolve(Topics.ALERTS))) {
            JsonNode a = JSON.readTree(line);
            String type = a.path("type").asText();
            v.records.merge(type, 1, Integer::sum);
            v.ids.computeIfAbsent(type, t -> new HashSet<>())
                    .add(a.path("alert_id").asText());
            String order = a.path("subject").path("order_id").asText(null);
            if (ORDER_BREACHES.contains(type) && order != null)
                v.orderBreaches.put(a.path("alert_id").asText(), order);
        }
        return v;
    }

    /** The orders whose warehouse shipment names the carrier. */
    static Set<String> ordersShippedWith(Path input, String carrier) throws IOException {
        Set<String> orders = new HashSet<>();
        Path file = input.resolve(Topics.FULFILMENT + ".jsonl");
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode e;
            try {
                e = JSON.readTree(line);
            } catch (IOException unreadable) {
                continue;
            }
            if (carrier.equals(e.path("carrier").asText()))
                orders.add(e.path("order_id").asText());
        }
        return orders;
    }

    private static Set<String> trackedBreaches(Volume v, Set<String> silentOrders) {
        Set<String> ids = new TreeSet<>();
        v.orderBreaches.forEach((id, order) -> {
            if (!silentOrders.contains(order)) ids.add(id);
        });
        return ids;
    }

    static String table(Volume before, Volume after) {
        Set<String> types = new TreeSet<>(before.records.keySet());
        types.addAll(after.records.keySet());
        StringBuilder b = new StringBuilder(String.format(
                "%-22s %10s %10s %10s %10s %10s%n", "type", "alerts", "per 10k", "alerts", "records", "per 10k"));
        b.append(String.format("%-22s %21s %32s%n", "", "without grouping", "with grouping"));
        for (String type : types) {
            b.append(String.format(
                    Locale.ROOT,
                    "%-22s %10d %10.1f %10d %10d %10.1f%n",
                    type,
                    before.alerts(type),
                    before.per10k(before.alerts(type)),
                    after.alerts(type),
                    after.records.getOrDefault(type, 0),
                    after.per10k(after.alerts(type))));
        }
        return b.toString();
    }

    /** What one run raised: records and distinct alert ids per type, and the order of each per-order breach. */
    static final class Volume {
        long orders;
        final Map<String, Integer> records = new TreeMap<>();
        final Map<String, Set<String>> ids = new TreeMap<>();
        final Map<String, String> orderBreaches = new HashMap<>();

        int alerts(String type) {
            return ids.getOrDefault(type, Set.of()).size();
        }

        double per10k(long count) {
            return orders == 0 ? 0 : count * 10_000.0 / orders;
        }
    }
}
