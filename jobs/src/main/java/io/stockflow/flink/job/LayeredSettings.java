package io.stockflow.flink.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The job settings of one run. Each setting takes the last of its layers that has it: the declared default, the
 * Flink configuration ({@code config.yaml}, {@code flink run -Dkey=value}), {@code -Dkey=value} among the job's
 * arguments, the setting's flag. A map (lead times by SKU) is merged entry by entry, a later layer's entry winning;
 * a list (rule set files) is replaced whole.
 */
public final class LayeredSettings implements ReadableConfig {
    public static final String DEFAULT = "default";
    public static final String FLINK_CONFIGURATION = "Flink configuration";
    public static final String KEY_ARGUMENT = "-D argument";
    public static final String FLAG = "flag";

    private final Configuration values = new Configuration();
    private final Map<String, String> sources = new LinkedHashMap<>();

    /**
     * @param flink the run's Flink configuration; its {@code stockflow.*} keys must be declared ones
     * @param keyed {@code KEY=VALUE} arguments
     * @param flags values of the flags given, by option
     */
    static LayeredSettings of(ReadableConfig flink, List<String> keyed, Map<ConfigOption<?>, Object> flags) {
        Configuration fromFlink = new Configuration();
        flink.toMap().forEach((key, value) -> {
            if (!key.startsWith(StockflowOptions.PREFIX)) return;
            if (!StockflowOptions.declares(key)) throw unknown(key, "in the Flink configuration");
            fromFlink.setString(key, value);
        });
        Configuration fromArguments = new Configuration();
        for (String keyValue : keyed) {
            int eq = keyValue.indexOf('=');
            check(keyValue.substring(0, eq), keyValue.substring(eq + 1));
            fromArguments.setString(keyValue.substring(0, eq), keyValue.substring(eq + 1));
        }
        Configuration fromFlags = new Configuration();
        flags.forEach((option, value) -> set(fromFlags, option, value));

        LayeredSettings settings = new LayeredSettings();
        for (SettingFlag<?> flag : StockflowOptions.ALL) settings.resolve(flag, fromFlink, fromArguments, fromFlags);
        return settings;
    }

    private <T> void resolve(SettingFlag<T> flag, Configuration... layers) {
        String[] names = {FLINK_CONFIGURATION, KEY_ARGUMENT, FLAG};
        ConfigOption<T> option = flag.option;
        T value = option.hasDefaultValue() ? option.defaultValue() : null;
        String source = DEFAULT;
        for (int i = 0; i < layers.length; i++) {
            Optional<T> layer = layers[i].getOptional(option);
            if (layer.isEmpty()) continue;
            value = flag.type.isMap() ? merged(value, layer.get()) : layer.get();
            source = names[i];
        }
        if (value != null) values.set(option, value);
        sources.put(option.key(), source);
    }

    @SuppressWarnings("unchecked")
    private static <T> T merged(T under, T over) {
        Map<String, String> map = new LinkedHashMap<>((Map<String, String>) under);
        map.putAll((Map<String, String>) over);
        return (T) map;
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(Configuration configuration, ConfigOption<T> option, Object value) {
        configuration.set(option, (T) value);
    }

    /** Where the setting's value came from: {@link #DEFAULT}, {@link #FLINK_CONFIGURATION}, ... */
    public String source(ConfigOption<?> option) {
        return sources.get(option.key());
    }

    /** That the key is a declared setting and Flink reads the value for it; IllegalArgumentException why not. */
    static void check(String key, String value) {
        if (!key.startsWith(StockflowOptions.PREFIX)) {
            throw new IllegalArgumentException("-D takes job settings (" + StockflowOptions.PREFIX + "* keys), not "
                    + key + "; Flink's own keys go into config.yaml");
        }
        for (SettingFlag<?> flag : StockflowOptions.ALL) {
            if (key.equals(flag.option.key())) {
                Configuration one = new Configuration();
                one.setString(key, value);
                try {
                    one.get(flag.option);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(key + ": '" + value + "' is not " + flag.type.expected);
                }
                return;
            }
            if (flag.type == SettingType.LOCATION_BY_CHANNEL && key.startsWith(flag.option.key() + ".")) {
                if (value.isBlank()) throw new IllegalArgumentException(key + ": '' is not " + flag.type.expected);
                return;
            }
            if (flag.type == SettingType.DURATION_BY_SKU && key.startsWith(flag.option.key() + ".")) {
                try {
                    SettingType.parseDuration(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(key + ": '" + value + "' is not " + flag.type.expected);
                }
                return;
            }
        }
        throw unknown(key, "");
    }

    private static IllegalArgumentException unknown(String key, String where) {
        return new IllegalArgumentException("unknown setting " + key + (where.isEmpty() ? "" : " " + where)
                + " (every setting: docs/configuration-reference.md)");
    }

    @Override
    public <T> T get(ConfigOption<T> option) {
        return values.get(option);
    }

    @Override
    public <T> Optional<T> getOptional(ConfigOption<T> option) {
        return values.getOptional(option);
    }

    @Override
    public Map<String, String> toMap() {
        return values.toMap();
    }
}
