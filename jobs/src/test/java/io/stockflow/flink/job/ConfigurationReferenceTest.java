package io.stockflow.flink.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.flink.main.FlinkOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed reference is what the declarations produce, and what it shows reads back as it says. */
class ConfigurationReferenceTest {
    @Test
    void theCommittedReferenceIsWhatTheDeclarationsProduce() throws IOException {
        Path committed = Path.of("..").resolve(ConfigurationReference.FILE);
        assertThat(Files.readString(committed))
                .as(ConfigurationReference.FILE + " differs from the declarations in StockflowOptions; regenerate it "
                        + "from the project folder with: " + ConfigurationReference.REGENERATE)
                .isEqualTo(ConfigurationReference.markdown());
    }

    @Test
    void theReferencesConfigYamlExampleSetsWhatItShows(@TempDir Path conf) throws IOException {
        Files.writeString(conf.resolve("config.yaml"), ConfigurationReference.YAML_EXAMPLE);
        LayeredSettings settings = new JobOptions()
                .flinkConfiguration(FlinkOptions.embeddedConfiguration(conf))
                .settings();

        assertThat(settings.get(StockflowOptions.LOW_STOCK_THRESHOLD)).isEqualTo(3);
        assertThat(settings.get(StockflowOptions.IDLENESS)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.get(StockflowOptions.RULES)).containsExactly("rules/v1.json", "rules/v2.json");
        assertThat(settings.get(StockflowOptions.LEAD_TIMES))
                .containsExactlyInAnyOrderEntriesOf(Map.of("SKU-00001", "4h", "SKU-00002", "90m"));
    }

    @Test
    void everyDefaultAsTheReferenceWritesItReadsBackAsTheDefault() {
        for (SettingFlag<?> flag : StockflowOptions.ALL) {
            String written = flag.defaultText();
            if (written == null) continue;
            assertThat(SettingFlags.parse(flag, written))
                    .as(flag.option.key() + " written as " + written)
                    .isEqualTo(flag.option.defaultValue());
        }
    }

    @Test
    void durationsAreWrittenInTheirLargestWholeUnit() {
        assertThat(SettingType.format(Duration.ofDays(30))).isEqualTo("30d");
        assertThat(SettingType.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(SettingType.format(Duration.ofSeconds(10))).isEqualTo("10s");
        assertThat(SettingType.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(SettingType.format(Duration.ZERO)).isEqualTo("0s");
    }
}
