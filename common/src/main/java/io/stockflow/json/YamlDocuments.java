package io.stockflow.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/** Configuration documents (rule sets, listing maps) may be written in YAML: they are read as the same JSON. */
public final class YamlDocuments {
    private static final YAMLMapper YAML = new YAMLMapper();

    private YamlDocuments() {}

    /** Whether a file is YAML by its extension ({@code .yaml}, {@code .yml}); anything else is read as JSON. */
    public static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** The YAML document as JSON bytes. {@code what} names the document in the error, e.g. "rule set". */
    public static byte[] toJson(byte[] yaml, String what) throws InvalidRecordException {
        try {
            return YAML.readTree(yaml).toString().getBytes(StandardCharsets.UTF_8);
        } catch (JacksonException e) {
            throw new InvalidRecordException(what + " is not YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidRecordException(what + " is not YAML: " + e.getMessage());
        }
    }
}
