package io.stockflow.flink.sync;

import io.stockflow.channels.ChannelSettings;
import io.stockflow.listing.Channel;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where the channels' APIs are: the {@code channels.*} configuration keys, read as the channel clients read them
 * ({@link ChannelSettings#from}), and the credentials from the environment of the task that calls the channels. Only
 * the configuration travels with the job graph; credentials are read where they are used and never leave the task.
 * A channel without {@code channels.<channel>.base-url} is not pushed to.
 */
public final class ChannelConnections implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> configuration;
    /** Null: the task's process environment. Tests name their own (a test JVM cannot set its environment). */
    private final Map<String, String> environment;

    public ChannelConnections(Map<String, String> configuration, Map<String, String> environment) {
        this.configuration = new LinkedHashMap<>(configuration);
        this.environment = environment == null ? null : new LinkedHashMap<>(environment);
    }

    /** The {@code channels.*} keys of a configuration, credentials from the process environment. */
    public static ChannelConnections fromConfiguration(Map<String, String> configuration) {
        Map<String, String> channels = new LinkedHashMap<>();
        configuration.forEach((k, v) -> {
            if (k.startsWith("channels.")) channels.put(k, v);
        });
        return new ChannelConnections(channels, null);
    }

    /** The same channels, with credentials from {@code env} instead of the process environment (tests). */
    public ChannelConnections withEnvironment(Map<String, String> env) {
        return new ChannelConnections(configuration, env);
    }

    /** The settings of every configured channel; IllegalArgumentException naming what is missing (never a value). */
    public Map<Channel, ChannelSettings> settings() {
        Map<String, String> env = environment != null ? environment : System.getenv();
        Map<Channel, ChannelSettings> settings = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            if (configuration.containsKey("channels." + channel.wireName() + ".base-url")) {
                settings.put(channel, ChannelSettings.from(channel, configuration, env));
            }
        }
        return settings;
    }

    /** The channels with a base URL, read from the configuration alone (no credential is read). */
    public Set<Channel> configured() {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (Channel channel : Channel.values()) {
            if (configuration.containsKey("channels." + channel.wireName() + ".base-url")) channels.add(channel);
        }
        return channels;
    }

    /** The configuration keys alone: no credential is ever part of it. */
    @Override
    public String toString() {
        return "ChannelConnections" + configuration.keySet();
    }
}
