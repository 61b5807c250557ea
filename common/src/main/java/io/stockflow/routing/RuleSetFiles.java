package io.stockflow.routing;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.YamlDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A rule-set file ({@code --rules FILE}) as JSON bytes: YAML files (by extension) converted, JSON as it is. */
public final class RuleSetFiles {
    private RuleSetFiles() {}

    /** The file's document as JSON, after {@link RuleSetParser#parseFile} accepted it. */
    public static byte[] json(Path file) throws IOException, InvalidRecordException {
        RuleSetParser.parseFile(file);
        byte[] bytes = Files.readAllBytes(file);
        return YamlDocuments.isYaml(file) ? YamlDocuments.toJson(bytes, "rule set") : bytes;
    }
}
