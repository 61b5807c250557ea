package io.stockflow.flink.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockflow.flink.job.JobOptions;
import io.stockflow.testing.CapturedLogs;
import io.stockflow.testing.KafkaBroker;
import io.stockflow.testing.KafkaPipeline;
import io.stockflow.testing.SmallDayFeed;
import io.stockflow.testing.TestFlink;
import io.stockflow.testing.TestTopics;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inventory job over a broker's SASL_SSL listener (TLS with a self-signed certificate made for the test, SASL
 * PLAIN): its sources, exactly-once sinks and topic checks all speak SASL_SSL, with the settings given the two ways a
 * user gives them (a properties file for TLS, {@code STOCKFLOW_KAFKA_*} variables for the credentials). A wrong
 * password is reported as the authentication failure it is, and the password appears in nothing the job prints.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SaslSslKafkaITCase {
    private static final String USER = "stockflow";
    private static final String PASSWORD = "pw-" + UUID.randomUUID();

    @RegisterExtension
    static final KafkaPipeline PIPELINE = KafkaPipeline.on(KafkaBroker.withSaslSsl(
            Path.of("target", "sasl-ssl-certificates-" + UUID.randomUUID()).toAbsolutePath(), USER, PASSWORD));

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void theInventoryJobRunsOverSaslSslWithSettingsFromAFileAndTheEnvironment(@TempDir Path dir) throws Exception {
        TestTopics topics = PIPELINE.topics(List.of(
                        Topics.ORDERS_RAW,
                        Topics.MOVEMENTS,
                        Topics.FULFILMENT,
                        Topics.ORDERS_CANONICAL,
                        Topics.AVAILABILITY,
                        Topics.ALLOCATIONS,
                        Topics.ALERTS,
                        Topics.DEADLETTER,
                        Topics.ROUTING_CORRECTIONS))
                .createAll(1);
        KafkaSettings settings = secured(topics, dir, PASSWORD);
        String logged;
        try (CapturedLogs logs = new CapturedLogs(
                // The clients' configuration dumps come from AbstractConfig; the broker's own loggers are left out.
                "org.apache.kafka.common.config",
                "org.apache.kafka.clients",
                "org.apache.flink.connector.kafka",
                "io.stockflow")) {
            // routing.rules is left to the job: it creates the topic it owns over SASL_SSL too.
            PIPELINE.start(
                    topics,
                    "inventory",
                    new JobOptions(),
                    TestFlink.jobConfiguration(0),
                    plain -> new KafkaBinding(settings, topics.prefix()));

            SmallDayFeed.feed(topics);
            SmallDayFeed.awaitExpectedLedger(topics, WAIT);
            assertThat(topics.readCommitted(Topics.ALLOCATIONS, r -> r.size() >= 4, WAIT))
                    .hasSize(4);
            logged = logs.text();
        }
        assertThat(logged)
                .as("the Kafka clients logged their configuration, over SASL_SSL")
                .contains("security.protocol = SASL_SSL");
        assertThat(logged).as("and never the password").doesNotContain(PASSWORD);
        assertThat(settings.toString()).doesNotContain(PASSWORD).contains("sasl.jaas.config=******");
    }

    @Test
    void aWrongPasswordIsReportedAsTheAuthenticationFailureWithoutThePassword(@TempDir Path dir) throws Exception {
        String wrong = "wrong-" + UUID.randomUUID();
        TestTopics topics = PIPELINE.topics(List.of(Topics.ROUTING_RULES));
        KafkaBinding binding = new KafkaBinding(secured(topics, dir, wrong), topics.prefix());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        assertThatThrownBy(() -> binding.source(env, Topics.ROUTING_RULES))
                .hasMessageContaining("refused to authenticate the client")
                .hasMessageContaining("security.protocol=SASL_SSL, sasl.mechanism=PLAIN")
                .hasMessageNotContaining("could not create")
                .hasMessageNotContaining(wrong);
    }

    /** TLS trust from a properties file, the mechanism and credentials from the environment, as an operator sets them. */
    private static KafkaSettings secured(TestTopics topics, Path dir, String password) throws Exception {
        Properties client = PIPELINE.broker().securedClientProperties(USER, password);
        Path file = dir.resolve("client.properties");
        Properties tls = new Properties();
        for (String key : List.of(
                "security.protocol", "ssl.truststore.location", "ssl.truststore.type", "ssl.truststore.password")) {
            tls.setProperty(key, client.getProperty(key));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            tls.store(out, null);
        }
        KafkaSettings settings = new KafkaSettings(PIPELINE.broker().securedBootstrap());
        settings.topicNames.putAll(topics.settings().topicNames);
        settings.loadProperties(file);
        settings.loadEnvironment(Map.of(
                "STOCKFLOW_KAFKA_SASL_MECHANISM", client.getProperty("sasl.mechanism"),
                "STOCKFLOW_KAFKA_SASL_JAAS_CONFIG", client.getProperty("sasl.jaas.config")));
        return settings;
    }
}
