package io.stockflow.json;

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

/**
 * A JSON Schema the project publishes under {@code docs/schemas/} and enforces at run time: the build copies the file
 * onto the class path, so the document users read is the one the parser checks against. Loaded once, on first use.
 */
public final class PublishedSchema {
    private final Class<?> owner;
    private final String resource;
    private volatile Schema schema;

    /** The schema file {@code resource}, found on the class path beside {@code owner}. */
    public PublishedSchema(Class<?> owner, String resource) {
        this.owner = owner;
        this.resource = resource;
    }

    /** The violations of a JSON document, each as {@code <JSON pointer>: <message>}; empty when it is valid. */
    public List<String> problems(String json) {
        List<Error> errors = schema().validate(json, InputFormat.JSON);
        return errors.stream().map(PublishedSchema::describe).toList();
    }

    /** The schema's text, as published. */
    public String text() {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Schema schema() {
        Schema s = schema;
        if (s == null) {
            synchronized (this) {
                if (schema == null) {
                    schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                            .getSchema(text(), InputFormat.JSON);
                }
                s = schema;
            }
        }
        return s;
    }

    private static String describe(Error e) {
        String where =
                e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
        if (where.isEmpty()) where = "/";
        String message = e.getMessage();
        return message.startsWith(where + ":") ? message : where + ": " + message;
    }
}
