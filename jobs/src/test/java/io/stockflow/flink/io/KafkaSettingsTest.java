package io.stockflow.flink.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSettingsTest {
    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"stockflow\" password=\"s3cr3t-pw\";";

    @Test
    void environmentVariablesBecomeClientPropertiesAndWinOverTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\n");

        KafkaSettings settings = new KafkaSettings("127.0.0.1:9093")
                .loadProperties(file)
                .loadEnvironment(Map.of(
                        "STOCKFLOW_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                        "STOCKFLOW_KAFKA_SASL_JAAS_CONFIG", JAAS,
                        "STOCKFLOW_KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/stockflow/truststore.p12",
                        "PATH", "/usr/bin"));

        assertThat(settings.clientProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("ssl.truststore.location", "/etc/stockflow/truststore.p12")
                .doesNotContainKey("path");
    }

    @Test
    void secretsAreMaskedWhenTheSettingsArePrinted() {
        KafkaSettings settings = new KafkaSettings("127.0.0.1:9093")
                .loadEnvironment(Map.of(
                        "STOCKFLOW_KAFKA_SASL_JAAS_CONFIG", JAAS,
                        "STOCKFLOW_KAFKA_SSL_KEYSTORE_PASSWORD", "ks-pass-123",
                        "STOCKFLOW_KAFKA_SSL_KEY_PASSWORD", "key-pass-456",
                        "STOCKFLOW_KAFKA_SSL_KEYSTORE_KEY", "-----BEGIN PRIVATE KEY-----abc",
                        "STOCKFLOW_KAFKA_SECURITY_PROTOCOL", "SASL_SSL"));

        String shown = settings.toString() + settings.describe();

        assertThat(shown)
                .doesNotContain("s3cr3t-pw", "ks-pass-123", "key-pass-456", "PRIVATE KEY")
                .contains("SASL_SSL", "sasl.jaas.config", "ssl.keystore.password");
        assertThat(settings.describe())
                .containsEntry("sasl.jaas.config", KafkaSettings.MASK)
                .containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void knowsWhichClientPropertiesAreSecret() {
        assertThat(KafkaSettings.isSecret("sasl.jaas.config")).isTrue();
        assertThat(KafkaSettings.isSecret("ssl.truststore.password")).isTrue();
        assertThat(KafkaSettings.isSecret("sasl.oauthbearer.client.credentials.client.secret"))
                .isTrue();
        assertThat(KafkaSettings.isSecret("ssl.keystore.location")).isFalse();
        assertThat(KafkaSettings.isSecret("security.protocol")).isFalse();
    }
}
