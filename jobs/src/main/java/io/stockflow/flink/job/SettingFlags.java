package io.stockflow.flink.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * Adds a flag for every setting of {@link StockflowOptions#ALL} to a command that mixes in {@link JobOptions}: the
 * flag's help is the option's description and declared default, a value is checked as Flink reads the key, and a
 * given flag lands in the command's {@link JobOptions}. Picocli applies a mixin's model transformer to the command
 * that mixes it in.
 */
public final class SettingFlags implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec command) {
        JobOptions options = jobOptions(command);
        for (SettingFlag<?> flag : StockflowOptions.ALL) command.addOption(option(flag, options));
        List<String> footer = new ArrayList<>(List.of(command.usageMessage().footer()));
        footer.add("Each job setting is also a key of Flink's configuration (config.yaml, flink run -Dkey=value, "
                + "or -Dkey=value here). A flag wins over -D, -D over the Flink configuration, that over the "
                + "default. Every key: docs/configuration-reference.md or ./stockflow config --markdown.");
        command.usageMessage().footer(footer.toArray(new String[0]));
        return command;
    }

    private static JobOptions jobOptions(CommandSpec command) {
        if (command.userObject() instanceof JobOptions) return (JobOptions) command.userObject();
        for (CommandSpec mixin : command.mixins().values()) {
            if (mixin.userObject() instanceof JobOptions) return (JobOptions) mixin.userObject();
        }
        throw new IllegalStateException(command.name() + " does not mix in " + JobOptions.class.getSimpleName());
    }

    private static OptionSpec option(SettingFlag<?> flag, JobOptions options) {
        OptionSpec.Builder option = OptionSpec.builder(flag.name)
                .paramLabel(flag.paramLabel)
                .description(help(flag))
                .hasInitialValue(false)
                .setter(new ISetter() {
                    @Override
                    public <T> T set(T value) {
                        options.given(flag.option, value);
                        return null;
                    }
                })
                .getter(new IGetter() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public <T> T get() {
                        return (T) options.given(flag.option);
                    }
                });
        switch (flag.type) {
            case FILES:
                return option.type(List.class).auxiliaryTypes(String.class).build();
            case DURATION_BY_SKU:
                return option.type(Map.class)
                        .auxiliaryTypes(String.class, String.class)
                        .converters(sku -> sku, duration -> checkedDuration(flag, duration))
                        .build();
            case LOCATION_BY_CHANNEL:
                return option.type(Map.class)
                        .auxiliaryTypes(String.class, String.class)
                        .converters(channel -> channel, location -> checkedLocation(flag, location))
                        .build();
            default:
                return option.type(Object.class)
                        .converters(value -> parse(flag, value))
                        .build();
        }
    }

    /** The flag's help: what the option says, its default and its key, all from the declaration. */
    static String help(SettingFlag<?> flag) {
        String defaultText = flag.defaultText();
        String text = flag.description() + " ("
                + (defaultText == null ? "" : "default: " + defaultText + "; ")
                + flag.option.key() + (flag.type.repeatable() ? "; repeatable" : "") + ")";
        // Picocli reads descriptions as format strings with ${...} variables.
        return text.replace("%", "%%").replace("${", "$${");
    }

    /** A scalar value read exactly as Flink reads the key from config.yaml, so that both accept the same text. */
    static Object parse(SettingFlag<?> flag, String value) {
        Configuration one = new Configuration();
        one.setString(flag.option.key(), value);
        try {
            return one.get(flag.option);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not " + flag.type.expected);
        }
    }

    private static String checkedLocation(SettingFlag<?> flag, String value) {
        if (value.isBlank()) throw new TypeConversionException("'" + value + "' is not " + flag.type.expected);
        return value.trim();
    }

    private static String checkedDuration(SettingFlag<?> flag, String value) {
        try {
            SettingType.parseDuration(value);
            return value;
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not " + flag.type.expected);
        }
    }

    /** The converter of {@code -Dkey=value}: a declared key and a value Flink reads for it. */
    static final class KeyValue implements ITypeConverter<String> {
        @Override
        public String convert(String keyValue) {
            int eq = keyValue.indexOf('=');
            if (eq <= 0) throw new TypeConversionException("'" + keyValue + "' is not KEY=VALUE");
            String key = keyValue.substring(0, eq);
            String value = keyValue.substring(eq + 1);
            try {
                LayeredSettings.check(key, value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
            return keyValue;
        }
    }
}
