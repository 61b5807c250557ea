package io.stockflow.routing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The published JSON Schema of {@code routing.rules} ({@code docs/schemas/routing.rules.schema.json}, copied onto the
 * class path by the build), as the parser enforces it.
 */
final class RuleSchema {
    static final String RESOURCE = "routing.rules.schema.json";
    private static volatile Schema schema;

    private RuleSchema() {}

    /** The schema violations of a document, each as {@code <JSON pointer>: <message>}; empty when it is valid. */
    static List<String> problems(String json) {
        List<Error> errors = schema().validate(json, InputFormat.JSON);
        return errors.stream().map(RuleSchema::describe).collect(Collectors.toList());
    }

    private static String describe(Error e) {
        String where = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
        if (where.isEmpty()) where = "/";
        String message = e.getMessage();
        return message.startsWith(where + ":") ? message : where + ": " + message;
    }

    private static Schema schema() {
        Schema s = schema;
        if (s == null) {
            synchronized (RuleSchema.class) {
                if (schema == null) schema = load();
                s = schema;
            }
        }
        return s;
    }

    static String text() {
        try (InputStream in = RuleSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema load() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text(), InputFormat.JSON);
    }
}
