package io.stockflow.flink.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * How to reach Kafka: the bootstrap servers, the actual name of each logical topic, extra client properties (security:
 * SASL_SSL, SCRAM, mTLS) and which outputs may be sent at-least-once.
 *
 * <p>Client properties come from a properties file ({@code --kafka-properties}) and from the environment:
 * {@code STOCKFLOW_KAFKA_SASL_JAAS_CONFIG} becomes {@code sasl.jaas.config} (prefix dropped, lower case, {@code _} to
 * {@code .}); the environment wins over the file. Values of secret properties are never printed: {@link #describe()}
 * and {@link #toString()} mask them.
 */
public final class KafkaSettings implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String ENV_PREFIX = "STOCKFLOW_KAFKA_";
    static final String MASK = "******";

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

    /** Adds client properties from {@code STOCKFLOW_KAFKA_*} variables of the given environment. */
    public KafkaSettings loadEnvironment(Map<String, String> environment) {
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                extraProperties.setProperty(propertyName(name), value);
            }
        });
        return this;
    }

    /** {@code STOCKFLOW_KAFKA_SECURITY_PROTOCOL} → {@code security.protocol}. */
    static String propertyName(String variable) {
        return variable.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    public Properties clientProperties() {
        Properties p = new Properties();
        p.putAll(extraProperties);
        return p;
    }

    /** Whether a client property holds a secret (passwords, keys, JAAS configurations, tokens, credentials). */
    public static boolean isSecret(String property) {
        String p = property.toLowerCase(Locale.ROOT);
        return p.contains("password")
                || p.contains("jaas")
                || p.contains("secret")
                || p.contains("token")
                || p.contains("credential")
                || p.contains("user.info")
                || p.endsWith(".key")
                || p.endsWith("keystore.certificate.chain");
    }

    /** The settings as they may be shown or logged: secret values masked. */
    public Map<String, String> describe() {
        Map<String, String> shown = new TreeMap<>();
        shown.put("bootstrap.servers", bootstrap);
        for (String name : extraProperties.stringPropertyNames()) {
            shown.put(name, isSecret(name) ? MASK : extraProperties.getProperty(name));
        }
        return shown;
    }

    @Override
    public String toString() {
        return "KafkaSettings" + describe() + (topicNames.isEmpty() ? "" : " topics=" + topicNames);
    }
}
