package io.stockflow.flink.sync;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import io.stockflow.json.YamlDocuments;
import io.stockflow.listing.ListingMap;
import io.stockflow.listing.ListingMapParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Listing maps as the job keeps and broadcasts them: canonical JSON strings (the document is the evolution contract,
 * and a String needs no Kryo), parsed back where they are used.
 */
public final class ListingMapDocuments {
    private ListingMapDocuments() {}

    /** The canonical JSON of a valid listing-map document; refused with the parser's JSON paths otherwise. */
    public static String canonical(byte[] json) throws InvalidRecordException {
        ListingMapParser.parse(json);
        return new String(JsonFields.parse(json).canonicalBytes(), StandardCharsets.UTF_8);
    }

    /** {@code --listings FILE} (JSON, or YAML by extension): canonical JSON, or IllegalArgumentException why not. */
    public static String read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return canonical(YamlDocuments.isYaml(file) ? YamlDocuments.toJson(bytes, "listing map") : bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("--listings " + file + " cannot be read: " + e.getMessage());
        } catch (InvalidRecordException e) {
            throw new IllegalArgumentException("--listings " + file + ": " + e.getMessage());
        }
    }

    /** A document accepted before: it was valid then, and the parser has not changed under a running job. */
    public static ListingMap parse(String canonical) {
        try {
            return ListingMapParser.parse(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidRecordException e) {
            throw new IllegalStateException("a listing map accepted before no longer parses: " + e.getMessage(), e);
        }
    }
}
