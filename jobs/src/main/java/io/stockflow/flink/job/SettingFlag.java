package io.stockflow.flink.job;

import org.apache.flink.configuration.ConfigOption;

/** A job setting and the command-line flag that sets it ({@code --low-stock-threshold UNITS}). */
public final class SettingFlag<T> {
    public final ConfigOption<T> option;
    /** The flag, with its dashes. */
    public final String name;
    /** What {@code --help} shows for the flag's value. */
    public final String paramLabel;

    public final SettingType type;

    public SettingFlag(ConfigOption<T> option, String name, String paramLabel, SettingType type) {
        this.option = option;
        this.name = name;
        this.paramLabel = paramLabel;
        this.type = type;
    }

    /** The default as people write it, or null when there is none. */
    public String defaultText() {
        return option.hasDefaultValue() ? type.format(option.defaultValue()) : null;
    }

    /** The description, as plain text. */
    public String description() {
        return PlainText.of(option.description());
    }
}
