package io.stockflow.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The published JSON Schemas of the output topics ({@code docs/schemas/<topic>.schema.json}), for tests to validate against. */
public final class ContractSchemas {
    private static final Path DIR = Path.of("..", "docs", "schemas");
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ContractSchemas() {}

    /** The schema violations of one record of the topic; empty when it conforms. */
    public static List<String> violations(String topic, String record) {
        Schema schema = SCHEMAS.computeIfAbsent(topic, ContractSchemas::load);
        List<Error> errors = schema.validate(record, InputFormat.JSON);
        return errors.stream().map(e -> topic + ": " + e.getMessage()).collect(Collectors.toList());
    }

    private static Schema load(String topic) {
        try {
            return REGISTRY.getSchema(Files.readString(DIR.resolve(topic + ".schema.json")), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
