package io.stockflow.codec;

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
import java.util.stream.Collectors;

/** The published JSON Schema of {@code orders.canonical}, read from {@code docs/schemas/} of the repository. */
final class CanonicalSchema {
    private static final Schema SCHEMA = load();

    private CanonicalSchema() {}

    /** The validation errors of one record, as readable lines; empty when it is valid. */
    static List<String> errors(String json) {
        List<Error> errors = SCHEMA.validate(json, InputFormat.JSON);
        return errors.stream().map(Error::toString).collect(Collectors.toList());
    }

    private static Schema load() {
        Path path = find(Path.of("").toAbsolutePath());
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(Files.readString(path), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tests run in the module directory; the docs live at the repository root. */
    private static Path find(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/schemas/orders.canonical.schema.json");
            if (Files.isRegularFile(candidate)) return candidate;
        }
        throw new IllegalStateException("docs/schemas/orders.canonical.schema.json not found above " + from);
    }
}
