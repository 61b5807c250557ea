package io.stockflow.routing;

import io.stockflow.json.InvalidRecordException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** A rule-set file ({@code --rules FILE}) as JSON bytes: YAML files (by extension) converted, JSON as it is. */
public final class RuleSetFiles {
    private RuleSetFiles() {}

    /** The file's document as JSON, after {@link RuleSetParser#parseFile} accepted it. */
    public static byte[] json(Path file) throws IOException, InvalidRecordException {
        RuleSetParser.parseFile(file);
        byte[] bytes = Files.readAllBytes(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return new YAMLMapper().readTree(bytes).toString().getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }
}
