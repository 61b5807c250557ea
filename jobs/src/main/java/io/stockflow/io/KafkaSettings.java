package io.stockflow.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * How to reach Kafka: the bootstrap servers, the actual name of each logical topic, extra client properties (for
 * example SASL_SSL settings from a file, never printed), and which outputs may be sent at-least-once.
 */
public final class KafkaSettings {
    public final String bootstrap;
    public final Map<String, String> topicNames = new HashMap<>();
    public final Set<String> atLeastOnceTopics = new HashSet<>();
    public final Properties extraProperties = new Properties();
    public long transactionTimeoutMs = 600_000;

    public KafkaSettings(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    public String topicName(String logical) {
        return topicNames.getOrDefault(logical, logical);
    }

    public KafkaSettings loadProperties(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            extraProperties.load(in);
        }
        return this;
    }

    public Properties clientProperties() {
        Properties p = new Properties();
        p.putAll(extraProperties);
        return p;
    }
}
