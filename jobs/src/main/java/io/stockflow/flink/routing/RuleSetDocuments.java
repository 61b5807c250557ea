package io.stockflow.flink.routing;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import io.stockflow.routing.RuleSet;
import io.stockflow.routing.RuleSetFiles;
import io.stockflow.routing.RuleSetHistory;
import io.stockflow.routing.RuleSetParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Rule sets as the job keeps them: canonical JSON strings (the document format is the evolution contract, and
 * Strings need no Kryo). Parses them back into a {@link RuleSetHistory}, oldest {@code effective_from} first, so that
 * every task that holds the same documents agrees on the version in force.
 */
public final class RuleSetDocuments {
    /** Versions kept per task. */
    public static final int KEPT = 32;

    private RuleSetDocuments() {}

    /** The canonical JSON of a valid JSON document; refused with the parser's reason otherwise. */
    public static String canonical(byte[] json) throws InvalidRecordException {
        RuleSetParser.parse(json);
        return new String(JsonFields.parse(json).canonicalBytes(), StandardCharsets.UTF_8);
    }

    /** {@code --rules FILE} (JSON, or YAML by its extension): canonical JSON, or IllegalArgumentException why not. */
    public static String read(Path file) {
        try {
            return canonical(RuleSetFiles.json(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("--rules " + file + " cannot be read: " + e.getMessage());
        } catch (InvalidRecordException e) {
            throw new IllegalArgumentException("--rules " + e.getMessage());
        }
    }

    /** The history of these documents, oldest effective time first. They were each valid when accepted. */
    public static RuleSetHistory history(Collection<String> documents) {
        List<RuleSet> sets = new ArrayList<>();
        for (String d : documents) sets.add(parse(d));
        sets.sort(Comparator.comparingLong(RuleSet::effectiveFrom).thenComparing(RuleSet::version));
        RuleSetHistory history = new RuleSetHistory(KEPT);
        for (RuleSet s : sets) {
            try {
                history.add(s);
            } catch (InvalidRecordException e) {
                // Two documents with one effective time: the first (by version id) stays, as on every task.
            }
        }
        return history;
    }

    public static RuleSet parse(String canonical) {
        try {
            return RuleSetParser.parse(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidRecordException e) {
            throw new IllegalStateException("a rule set accepted before no longer parses: " + e.getMessage(), e);
        }
    }
}
