package io.stockflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmittedKafkaSettingsTest {
    private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username=\"stockflow\" password=\"s3cr3t-pw\";";

    @Test
    void thisShellsVariablesReachALocalClusterInAFileOnlyTheUserReadsNotInTheArguments(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "security.protocol=SSL\nssl.truststore.location=/etc/ts.p12\n");
        Map<String, String> env = Map.of(
                "STOCKFLOW_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "STOCKFLOW_KAFKA_SASL_JAAS_CONFIG", JAAS,
                "PATH", "/usr/bin");
        List<String> given = List.of("inventory", "--bootstrap", "k:9093", "--kafka-properties", file.toString());
        Path transport;
        try (SubmittedKafkaSettings settings =
                SubmittedKafkaSettings.prepare(given, env, "http://127.0.0.1:8081", dir.resolve("tmp"), false)) {
            List<String> sent = settings.args();
            assertThat(String.join(" ", sent)).doesNotContain("s3cr3t-pw");
            transport = Path.of(sent.get(sent.indexOf("--kafka-properties") + 1));
            assertThat(transport).isNotEqualTo(file).startsWith(dir.resolve("tmp"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(transport)))
                    .isEqualTo("rw-------");
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(transport)) {
                p.load(r);
            }
            assertThat(p)
                    .containsEntry("security.protocol", "SASL_SSL") // the variable wins over the file
                    .containsEntry("ssl.truststore.location", "/etc/ts.p12")
                    .containsEntry("sasl.jaas.config", JAAS)
                    .doesNotContainKey("path");
        }
        assertThat(transport).as("deleted once submitted").doesNotExist();
    }

    @Test
    void aRelativePropertiesFileIsSentAsTheAbsolutePathTheJobManagerCanOpen(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("client.properties"), "client.id=x\n");
        Path relative = Path.of("").toAbsolutePath().relativize(file);
        try (SubmittedKafkaSettings settings = SubmittedKafkaSettings.prepare(
                List.of("inventory", "--kafka-properties", relative.toString()),
                Map.of(),
                "127.0.0.1:8081",
                dir,
                false)) {
            assertThat(settings.args()).containsExactly("inventory", "--kafka-properties", file.toString());
        }
        assertThatThrownBy(() -> SubmittedKafkaSettings.prepare(
                        List.of(
                                "inventory",
                                "--kafka-properties",
                                dir.resolve("missing").toString()),
                        Map.of(),
                        "127.0.0.1:8081",
                        dir,
                        false))
                .hasMessageContaining("no such readable file");
    }

    @Test
    void aRemoteClusterIsRefusedWithTheReasonWhenThisShellSetsVariables(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of("STOCKFLOW_KAFKA_SASL_JAAS_CONFIG", JAAS);
        List<String> given = List.of("inventory", "--bootstrap", "k:9093");

        assertThatThrownBy(() -> SubmittedKafkaSettings.prepare(given, env, "http://10.1.2.3:8081", dir, false))
                .hasMessageContaining("STOCKFLOW_KAFKA_SASL_JAAS_CONFIG")
                .hasMessageContaining("JobManager's environment")
                .hasMessageContaining("--cluster-kafka-settings")
                .hasMessageNotContaining("s3cr3t-pw");
        try (SubmittedKafkaSettings told =
                SubmittedKafkaSettings.prepare(given, env, "http://10.1.2.3:8081", dir, true)) {
            assertThat(told.args()).isEqualTo(given);
        }
    }
}
