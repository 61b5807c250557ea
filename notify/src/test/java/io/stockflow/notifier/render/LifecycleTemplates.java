package io.stockflow.notifier.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The lifecycle job's templates file, read as the job ships it: every kind's branches and the locales it assigns. */
final class LifecycleTemplates {
    static final Path FILE = Path.of("../jobs/src/main/resources/lifecycle/notification-templates.json");

    record Branch(String kind, String branch, String template, Map<String, String> variables) {
        @Override
        public String toString() {
            return kind + "/" + branch;
        }
    }

    private static JsonNode root() {
        try {
            return new ObjectMapper().readTree(FILE.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Branch> branches() {
        List<Branch> out = new ArrayList<>();
        root().get("kinds").properties().forEach(kind -> {
            for (JsonNode b : kind.getValue()) {
                Map<String, String> variables = new LinkedHashMap<>();
                if (b.has("variables"))
                    b.get("variables")
                            .properties()
                            .forEach(v -> variables.put(v.getKey(), v.getValue().asText()));
                out.add(new Branch(
                        kind.getKey(),
                        b.get("branch").asText(),
                        b.get("template").asText(),
                        variables));
            }
        });
        return out;
    }

    static List<String> locales() {
        List<String> out = new ArrayList<>();
        root().get("locales").forEach(l -> out.add(l.asText()));
        return out;
    }

    static String defaultLocale() {
        return root().get("default_locale").asText();
    }
}
