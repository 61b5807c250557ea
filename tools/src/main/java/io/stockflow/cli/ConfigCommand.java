package io.stockflow.cli;

import io.stockflow.flink.job.ConfigurationReference;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.LayeredSettings;
import io.stockflow.flink.job.SettingFlag;
import io.stockflow.flink.job.StockflowOptions;
import io.stockflow.flink.main.FlinkOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Prints the job settings an embedded run would get, or the reference of every setting.",
        description = {
            "Prints each job setting's key, the value an embedded run with these options would get, and "
                    + "where the value comes from (default, Flink configuration, -D argument, flag). Takes run's options.",
            "With --markdown, the reference of every setting instead (docs/configuration-reference.md)."
        })
public final class ConfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--markdown",
            description =
                    "Print the reference: key, flag, type, default and description of every setting, in Markdown.")
    boolean markdown;

    @Option(
            names = "--flink-conf",
            paramLabel = "DIR",
            description = "Folder with Flink's config.yaml, as for run (default: the project's flink-conf/).")
    Path flinkConf;

    @Mixin
    JobOptions jobOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (markdown) {
            out.print(ConfigurationReference.markdown());
            out.flush();
            return 0;
        }
        LayeredSettings settings = jobOptions
                .flinkConfiguration(FlinkOptions.embeddedConfiguration(flinkConf))
                .settings();
        int width = StockflowOptions.ALL.stream()
                .mapToInt(f -> f.option.key().length())
                .max()
                .orElse(0);
        for (SettingFlag<?> flag : StockflowOptions.ALL) {
            String value = flag.type.format(settings.getOptional(flag.option).orElse(null));
            out.printf(
                    "%-" + width + "s  %s  (%s)%n",
                    flag.option.key(),
                    value == null ? "none" : value,
                    settings.source(flag.option));
        }
        out.flush();
        return 0;
    }
}
