package io.stockflow.flink.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;

/** Every declared setting is a flag of a command that mixes in the job options, with help made from the declaration. */
class SettingFlagsTest {
    @Command(name = "probe")
    static final class Probe {
        @Mixin
        JobOptions options;
    }

    @Test
    void eachFlagsHelpShowsTheDeclaredDefaultAndKey() {
        CommandLine cli = new CommandLine(new Probe());
        for (SettingFlag<?> flag : StockflowOptions.ALL) {
            OptionSpec option = cli.getCommandSpec().findOption(flag.name);
            assertThat(option).as(flag.name).isNotNull();
            String help = String.join(" ", option.description());
            assertThat(help).contains(flag.description(), flag.option.key());
            if (flag.defaultText() != null) assertThat(help).contains("default: " + flag.defaultText());
        }
    }

    @Test
    void noDescriptionWritesADefaultByHand() {
        for (SettingFlag<?> flag : StockflowOptions.ALL) {
            assertThat(flag.description()).as(flag.option.key()).doesNotContainIgnoringCase("default:");
        }
    }

    @Test
    void aFlagThatIsNotGivenLeavesTheSettingToTheLayersUnderIt() {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs("--max-lines", "50");
        LayeredSettings settings = probe.options.settings();
        assertThat(settings.source(StockflowOptions.MAX_LINES)).isEqualTo(LayeredSettings.FLAG);
        assertThat(settings.get(StockflowOptions.MAX_LINES)).isEqualTo(50);
        assertThat(settings.source(StockflowOptions.MAX_QUANTITY)).isEqualTo(LayeredSettings.DEFAULT);
    }

    @Test
    void aChoiceIsReadInAnyCaseAndAValueNotListedIsRefused() {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs("--routing-mode", "serial");
        assertThat(probe.options.settings().get(StockflowOptions.ROUTING_MODE)).isEqualTo(RoutingMode.SERIAL);
        new CommandLine(probe).parseArgs("--routing-mode", "PARALLEL");
        assertThat(probe.options.settings().get(StockflowOptions.ROUTING_MODE)).isEqualTo(RoutingMode.PARALLEL);

        assertThatThrownBy(() -> new CommandLine(new Probe()).parseArgs("--routing-mode", "sideways"))
                .hasMessageContaining("'sideways' is not one of the values listed");
    }
}
