package io.stockflow.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Test fixtures under {@code src/test/resources/fixtures} and readers of the jobs' JSON outputs. */
public final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    /**
     * A fixture folder as a real folder: in this module's tests it is on disk already; read from the test jar by other
     * modules' tests, it is copied out once per test JVM, since the bounded runs read their input from files.
     */
    public static synchronized Path dir(String name) {
        try {
            java.net.URI uri = Fixtures.class.getResource("/fixtures/" + name).toURI();
            if (!"jar".equals(uri.getScheme())) return Path.of(uri);
            if (extracted == null) extracted = extract(uri);
            return extracted.resolve(name);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("fixture " + name + " cannot be read", e);
        }
    }

    private static Path extracted;

    private static Path extract(java.net.URI inJar) throws IOException {
        Path target = Files.createTempDirectory("stockflow-fixtures");
        try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(inJar, Map.of());
                Stream<Path> files = Files.walk(jar.getPath("/fixtures"))) {
            for (Path f : files.toList()) {
                Path to = target.resolve(jar.getPath("/fixtures").relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        return target;
    }

    public static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every line of every file under an output topic folder. */
    public static List<String> outputLines(Path topicDir) {
        if (!Files.isDirectory(topicDir)) return List.of();
        try (Stream<Path> files = Files.walk(topicDir)) {
            List<String> lines = new ArrayList<>();
            files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .forEach(f -> lines.addAll(lines(f)));
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The last state of each sku and location, from availability records: the one with the highest version,
     * reduced to the fields of the expected files (no version, no as_of), keyed {@code sku|location}.
     */
    public static Map<String, JsonNode> finalAvailability(Collection<String> records) {
        Map<String, JsonNode> latest = new TreeMap<>();
        for (String line : records) {
            JsonNode r = json(line);
            String key = r.get("sku").asText() + "|" + r.get("location").asText();
            JsonNode seen = latest.get(key);
            if (seen == null || r.get("version").asLong() > seen.get("version").asLong()) latest.put(key, r);
        }
        Map<String, JsonNode> reduced = new TreeMap<>();
        latest.forEach((k, v) -> reduced.put(k, without((ObjectNode) v.deepCopy(), "version", "as_of")));
        return reduced;
    }

    /** Expected records keyed by the given fields joined with {@code |}. */
    public static Map<String, JsonNode> keyed(Collection<String> records, String... keyFields) {
        Map<String, JsonNode> byKey = new TreeMap<>();
        for (String line : records) {
            JsonNode r = json(line);
            StringBuilder key = new StringBuilder();
            for (String f : keyFields)
                key.append(key.length() == 0 ? "" : "|").append(r.get(f).asText());
            byKey.put(key.toString(), r);
        }
        return byKey;
    }

    /** Allocation records reduced to order id, decision, allocations and backorders. */
    public static Map<String, JsonNode> allocationDecisions(Collection<String> records) {
        Map<String, JsonNode> byOrder = new TreeMap<>();
        for (String line : records) {
            ObjectNode r = (ObjectNode) json(line);
            ObjectNode reduced = JSON.createObjectNode();
            for (String f : List.of("order_id", "decision", "allocations", "backordered")) reduced.set(f, r.get(f));
            byOrder.put(r.get("order_id").asText(), reduced);
        }
        return byOrder;
    }

    private static JsonNode without(ObjectNode node, String... fields) {
        for (String f : fields) node.remove(f);
        return node;
    }
}
