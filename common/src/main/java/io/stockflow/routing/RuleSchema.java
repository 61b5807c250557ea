package io.stockflow.routing;

import io.stockflow.json.PublishedSchema;
import java.util.List;

/**
 * The published JSON Schema of {@code routing.rules} ({@code docs/schemas/routing.rules.schema.json}, copied onto the
 * class path by the build), as the parser enforces it.
 */
final class RuleSchema {
    static final String RESOURCE = "routing.rules.schema.json";
    private static final PublishedSchema SCHEMA = new PublishedSchema(RuleSchema.class, RESOURCE);

    private RuleSchema() {}

    /** The schema violations of a document, each as {@code <JSON pointer>: <message>}; empty when it is valid. */
    static List<String> problems(String json) {
        return SCHEMA.problems(json);
    }

    static String text() {
        return SCHEMA.text();
    }
}
