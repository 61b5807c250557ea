package io.stockflow.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stockflow.anomaly.AnomalyAlerts;
import io.stockflow.anomaly.Evaluation;
import io.stockflow.json.Instants;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scenarios for measuring the anomaly detectors: generated traffic with injected anomalies written as the input
 * files of a bounded run ({@code <topic>.jsonl}) plus {@value #LABELS} (one JSON object per injected anomaly: type,
 * subject, start, end); and the reading back of labels and of the alerts a run wrote.
 */
public final class Scenarios {
    public static final String LABELS = "labels.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Scenarios() {}

    /** The settings of a default scenario: four days of traffic, anomalies injected after the first day. */
    public static GeneratorSettings defaults(long seed) {
        GeneratorSettings s = new GeneratorSettings();
        s.seed = seed;
        s.duration = Duration.ofDays(4);
        s.injectAnomalies = true;
        // Nothing after the end: a scenario's last hour is not the start of a silence of every channel.
        s.completeLifecycles = false;
        // Nor its first minutes the start of bursts of the few customers there are yet (see People).
        s.returningAfter = 512;
        return s;
    }

    /** The carrier that never reports in {@link #alertVolume}: a large share of US parcels travel with it. */
    public static final String SILENT_CARRIER = "USPS";

    /**
     * The settings of the alert-volume scenario: days of traffic with carrier tracking for every parcel but those of
     * {@value #SILENT_CARRIER}, which never reports, and the third best seller sold out from the first day for two;
     * every order ships from the shop's own locations.
     */
    public static GeneratorSettings alertVolume(long seed, int days) {
        GeneratorSettings s = new GeneratorSettings();
        s.seed = seed;
        s.duration = Duration.ofDays(days);
        s.carrierTracking = true;
        s.silentCarriers.add(SILENT_CARRIER);
        // Amazon's own shipments carry no tracking code here: the one silent cause is the carrier.
        s.fbaShare = 0;
        s.soldOutSku = Catalog.id(2);
        s.soldOutFrom = Duration.ofDays(1);
        s.soldOutFor = Duration.ofDays(2);
        return s;
    }

    /**
     * Makes the traffic less like the detectors' own model: the shop's days vary by 15% and each SKU's by 30% beyond
     * Poisson noise, SKUs trend up or down (about 15% a week), one day in ten is a holiday at 1.6 times the traffic,
     * 5% of new customers share a building with an earlier one, and three in ten orders come from returning customers.
     */
    public static void realistic(GeneratorSettings s) {
        s.dayToDayVariation = 0.15;
        s.skuDayToDayVariation = 0.3;
        s.trendPerWeek = 0.15;
        s.sharedBuildingShare = 0.05;
        s.returningCustomerShare = 0.3;
        java.time.LocalDate first = s.start.atZone(s.seasonalityZone).toLocalDate();
        for (long d = 3; d < s.duration.toDays(); d += 10) s.holidays.add(first.plusDays(d));
    }

    /** Writes the scenario's records per topic and its labels; returns how many records per topic. */
    public static Map<String, Integer> write(GeneratorSettings settings, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, BufferedWriter> writers = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        TrafficGenerator.Scenario scenario = new TrafficGenerator(settings).scenario();
        try {
            while (scenario.hasNext()) {
                GeneratedRecord r = scenario.next();
                BufferedWriter w = writers.computeIfAbsent(r.topic, t -> open(dir.resolve(t + ".jsonl")));
                w.write(r.value);
                w.write('\n');
                counts.merge(r.topic, 1, Integer::sum);
            }
        } finally {
            for (BufferedWriter w : writers.values()) w.close();
        }
        List<String> labels = new ArrayList<>();
        for (AnomalyLabel l : scenario.labels()) labels.add(l.toJson());
        Files.write(dir.resolve(LABELS), labels, StandardCharsets.UTF_8);
        counts.put(LABELS, labels.size());
        return counts;
    }

    private static BufferedWriter open(Path file) {
        try {
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The labels file of a scenario folder, as items to match. */
    public static List<Evaluation.Item> labels(Path scenarioDir) throws IOException {
        List<Evaluation.Item> items = new ArrayList<>();
        for (String line : Files.readAllLines(scenarioDir.resolve(LABELS), StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode n = JSON.readTree(line);
            String type = n.path("type").asText();
            items.add(new Evaluation.Item(
                    type,
                    subject(type, n.path("subject")),
                    Instants.parse(n.path("start").asText()),
                    Instants.parse(n.path("end").asText())));
        }
        return items;
    }

    /** Every alert line of an output folder ({@code <output>/alerts/*}), as items to match. */
    public static List<Evaluation.Item> alerts(Path alertsDir) throws IOException {
        List<Evaluation.Item> items = new ArrayList<>();
        for (String line : alertLines(alertsDir)) {
            JsonNode n = JSON.readTree(line);
            String type = n.path("type").asText();
            long at = Instants.parse(n.path("event_time").asText());
            items.add(new Evaluation.Item(type, subject(type, n.path("subject")), at, at));
        }
        return items;
    }

    /**
     * The {@code STOCKOUT_PREDICTED} alerts of an output folder as items from their event time to the end of their
     * lead time (the alert's {@code expected}, in hours).
     */
    public static List<Evaluation.Item> stockoutPredictions(Path alertsDir) throws IOException {
        List<Evaluation.Item> items = new ArrayList<>();
        for (String line : alertLines(alertsDir)) {
            JsonNode n = JSON.readTree(line);
            String type = n.path("type").asText();
            if (!AnomalyAlerts.STOCKOUT_PREDICTED.equals(type)) continue;
            long at = Instants.parse(n.path("event_time").asText());
            long lead = (long) (n.path("expected").asDouble() * 3_600_000L);
            items.add(new Evaluation.Item(type, subject(type, n.path("subject")), at, at + lead));
        }
        return items;
    }

    /** The times at which a SKU's overall availability ({@code location "*"}) was 0 or less, from an output folder. */
    public static List<Evaluation.Item> stockouts(Path availabilityDir) throws IOException {
        List<Evaluation.Item> items = new ArrayList<>();
        for (String line : alertLines(availabilityDir)) {
            JsonNode n = JSON.readTree(line);
            if (!"*".equals(n.path("location").asText()) || n.path("available").asLong() > 0) continue;
            long at = Instants.parse(n.path("as_of").asText());
            String type = AnomalyAlerts.STOCKOUT_PREDICTED;
            items.add(new Evaluation.Item(type, subject(type, n), at, at));
        }
        return items;
    }

    /** Every line of the files of an output folder (e.g. {@code <output>/alerts/*}). */
    public static List<String> alertLines(Path alertsDir) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(alertsDir)) return lines;
        try (Stream<Path> files = Files.walk(alertsDir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))::iterator) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) if (!line.isBlank()) lines.add(line);
            }
        }
        return lines;
    }

    private static String subject(String type, JsonNode s) {
        return Evaluation.subject(type, text(s, "sku"), text(s, "location"), text(s, "channel"), text(s, "order_id"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The scores as a table for people: one row per type. */
    public static String table(Map<String, Evaluation.Score> scores) {
        StringBuilder b = new StringBuilder(String.format(
                "%-20s %7s %7s %9s %7s %9s %14s %16s%n",
                "type", "labels", "alerts", "precision", "recall", "matched", "median delay", "false alarms/wk"));
        for (Evaluation.Score s : scores.values()) {
            long d = s.medianDelay();
            double fa = s.falseAlarmsPerWeek();
            b.append(String.format(
                    java.util.Locale.ROOT,
                    "%-20s %7d %7d %9.2f %7.2f %9s %14s %16s%n",
                    s.type,
                    s.labels,
                    s.alerts,
                    s.precision(),
                    s.recall(),
                    s.matchedLabels + "/" + s.labels,
                    d < 0 ? "-" : (d / 60_000) + " min",
                    Double.isNaN(fa) ? "-" : String.format(java.util.Locale.ROOT, "%.2f", fa)));
        }
        return b.toString();
    }
}
