package io.stockflow.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The live run's committed outputs against the bounded run's: per output topic, records the oracle wrote that the live
 * run lacks (lost), records the live run wrote more than once (duplicated) and records present in both that differ;
 * and the final on-hand per SKU and location.
 */
public final class OutputComparison {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How each compared topic names a record: the identity the job writes it under once. */
    static final Map<String, Function<JsonNode, String>> IDENTITY = Map.of(
            "orders.canonical", r -> r.path("event_id").asText(),
            // A backorder fill publishes the order's next decision, one revision higher: a record of its own.
            "orders.allocations",
                    r -> r.path("order_id").asText() + "|" + r.path("revision").asInt(1),
            "deadletter",
                    r -> r.path("source_topic").asText() + "|" + r.path("error").asText() + "|"
                            + r.path("raw").asText(),
            "inventory.availability",
                    r -> r.path("sku").asText() + "|" + r.path("location").asText() + "|"
                            + r.path("version").asLong());

    /**
     * Fields that say when the job handled a record (the wall clock live, the event time bounded): they differ between
     * the two runs by design and are left out of the content comparison.
     */
    static final Map<String, List<String>> WALL_CLOCK_FIELDS =
            Map.of("orders.allocations", List.of("decided_at"), "deadletter", List.of("received_at"));

    /** The topics compared record by record, in the order the report prints them. */
    public static final List<String> TOPICS =
            List.of("orders.canonical", "orders.allocations", "deadletter", "inventory.availability");

    /**
     * One topic's comparison; {@code firstDifference} shows the first record that differs, bounded and live, for a
     * look at why (empty when none does).
     */
    public record TopicResult(
            String topic, int expected, int live, int lost, int duplicated, int differing, String firstDifference) {
        public TopicResult(String topic, int expected, int live, int lost, int duplicated, int differing) {
            this(topic, expected, live, lost, duplicated, differing, "");
        }
    }

    /** A position whose final on-hand differs. */
    public record Position(String key, long expectedOnHand, Long liveOnHand) {}

    public record Result(List<TopicResult> topics, List<Position> positionsDiffering, int positions) {
        public int lost() {
            return topics.stream()
                    .filter(t -> !t.topic().equals("inventory.availability"))
                    .mapToInt(TopicResult::lost)
                    .sum();
        }

        public int duplicated() {
            return topics.stream().mapToInt(TopicResult::duplicated).sum();
        }

        public boolean clean() {
            return lost() == 0 && duplicated() == 0 && positionsDiffering.isEmpty();
        }
    }

    private OutputComparison() {}

    /** The bounded run's records of a topic: every file under {@code outputDir/topic}. */
    public static List<String> boundedOutput(Path outputDir, String topic) {
        Path dir = outputDir.resolve(topic);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> lines = new ArrayList<>();
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList()) {
                Files.readAllLines(f).stream().filter(l -> !l.isBlank()).forEach(lines::add);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Availability versions are the order of changes at a position, so they are compared only for repeats (a version
     * written twice is a change applied twice); what counts for availability is the final level at each position.
     */
    public static Result compare(Map<String, List<String>> expected, Map<String, List<String>> live) {
        List<TopicResult> topics = new ArrayList<>();
        for (String topic : TOPICS) {
            Function<JsonNode, String> id = IDENTITY.get(topic);
            Map<String, JsonNode> want = byIdentity(expected.getOrDefault(topic, List.of()), id, new HashMap<>());
            Map<String, Integer> seen = new HashMap<>();
            Map<String, JsonNode> got = byIdentity(live.getOrDefault(topic, List.of()), id, seen);
            int duplicated = seen.values().stream().mapToInt(n -> n - 1).sum();
            int lost = 0;
            int differing = 0;
            String firstDifference = "";
            boolean compareContent = !topic.equals("inventory.availability");
            for (Map.Entry<String, JsonNode> e : want.entrySet()) {
                JsonNode g = got.get(e.getKey());
                if (g == null) lost++;
                else if (compareContent && !content(topic, g).equals(content(topic, e.getValue()))) {
                    if (differing++ == 0) {
                        firstDifference =
                                "bounded " + content(topic, e.getValue()) + "\n    live    " + content(topic, g);
                    }
                }
            }
            // A record only the live run has (a fill revision where live stock came after the order) differs too.
            if (compareContent) {
                for (Map.Entry<String, JsonNode> e : got.entrySet()) {
                    if (want.containsKey(e.getKey())) continue;
                    if (differing++ == 0)
                        firstDifference = "bounded (none)\n    live    " + content(topic, e.getValue());
                }
            }
            topics.add(new TopicResult(
                    topic,
                    expected.getOrDefault(topic, List.of()).size(),
                    live.getOrDefault(topic, List.of()).size(),
                    compareContent ? lost : 0,
                    duplicated,
                    differing,
                    firstDifference));
        }
        Map<String, Long> wantOnHand = finalOnHand(expected.getOrDefault("inventory.availability", List.of()));
        Map<String, Long> gotOnHand = finalOnHand(live.getOrDefault("inventory.availability", List.of()));
        List<Position> differ = new ArrayList<>();
        wantOnHand.forEach((key, units) -> {
            Long g = gotOnHand.get(key);
            if (g == null || g.longValue() != units) differ.add(new Position(key, units, g));
        });
        gotOnHand.forEach((key, units) -> {
            if (!wantOnHand.containsKey(key)) differ.add(new Position(key, 0, units));
        });
        return new Result(topics, differ, wantOnHand.size());
    }

    /** Final on-hand per {@code sku|location} (the highest version wins), the all-locations rows left out. */
    static Map<String, Long> finalOnHand(List<String> availability) {
        Map<String, JsonNode> latest = new TreeMap<>();
        for (String line : availability) {
            JsonNode r = parse(line);
            if (r == null || r.path("location").asText().equals("*")) continue;
            String key = r.path("sku").asText() + "|" + r.path("location").asText();
            JsonNode seen = latest.get(key);
            if (seen == null
                    || r.path("version").asLong() > seen.path("version").asLong()) latest.put(key, r);
        }
        Map<String, Long> onHand = new TreeMap<>();
        latest.forEach((k, r) -> onHand.put(k, r.path("on_hand").asLong()));
        return onHand;
    }

    private static JsonNode content(String topic, JsonNode record) {
        List<String> leftOut = WALL_CLOCK_FIELDS.getOrDefault(topic, List.of());
        if (leftOut.isEmpty() || !record.isObject()) return record;
        com.fasterxml.jackson.databind.node.ObjectNode copy =
                ((com.fasterxml.jackson.databind.node.ObjectNode) record).deepCopy();
        copy.remove(leftOut);
        return copy;
    }

    private static Map<String, JsonNode> byIdentity(
            List<String> lines, Function<JsonNode, String> id, Map<String, Integer> counts) {
        Map<String, JsonNode> out = new HashMap<>();
        for (String line : lines) {
            JsonNode r = parse(line);
            if (r == null) continue;
            String key = id.apply(r);
            out.putIfAbsent(key, r);
            counts.merge(key, 1, Integer::sum);
        }
        return out;
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }
}
