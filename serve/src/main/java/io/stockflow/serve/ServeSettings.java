package io.stockflow.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What the query API needs to run: where it listens, how it reaches Kafka, which actual topics it reads, its access
 * token and the bounds of its in-memory views. The token is a secret: {@link #toString()} never shows it.
 */
public final class ServeSettings {
    /** The variable the access token is read from when no token file is given. */
    public static final String TOKEN_VARIABLE = "STOCKFLOW_SERVE_TOKEN";

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8070;

    public String host = DEFAULT_HOST;
    public int port = DEFAULT_PORT;
    public String bootstrap = "127.0.0.1:19092";
    /** Logical topic name to actual name, for topics renamed with {@code --topic NAME=ACTUAL}. */
    public final Map<String, String> topicNames = new HashMap<>();
    /** Extra Kafka client properties (security); never printed. */
    public final Properties kafkaProperties = new Properties();
    /** How long to wait for Kafka's answer about the topics before asking again (and saying why on /health). */
    public Duration kafkaTimeout = Duration.ofSeconds(30);
    /** The bearer token; required when {@link #host} is not a loopback address. */
    public String token;

    /** Orders whose timelines are kept; the oldest seen is dropped first. */
    public int maxOrders = 100_000;
    /** Alerts kept for {@code /alerts}; the oldest by event time is dropped first. */
    public int maxAlerts = 50_000;
    /** Availability changes kept for the SKUs' recent changes. */
    public int recentChanges = 20_000;

    public String topicName(String logical) {
        return topicNames.getOrDefault(logical, logical);
    }

    /**
     * Refuses settings that would expose the views without a token: any address but loopback needs one, since the
     * topics carry order and stock details of the shop.
     */
    public ServeSettings validate() {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (!isLoopback(host) && (token == null || token.isBlank()))
            throw new IllegalArgumentException("bound to " + host + ", which is not loopback: an access token is"
                    + " required (" + TOKEN_VARIABLE + " or --token-file)");
        if (maxOrders < 1 || maxAlerts < 1 || recentChanges < 0)
            throw new IllegalArgumentException("view bounds must be positive");
        return this;
    }

    /** Whether every address the host name stands for is a loopback address. */
    static boolean isLoopback(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress a : addresses) if (!a.isLoopbackAddress()) return false;
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public boolean tokenRequired() {
        return token != null && !token.isBlank();
    }

    @Override
    public String toString() {
        return "ServeSettings{host=" + host + ", port=" + port + ", bootstrap=" + bootstrap + ", topics=" + topicNames
                + ", kafkaProperties=" + kafkaProperties.stringPropertyNames() + ", token="
                + (tokenRequired() ? "******" : "none") + ", maxOrders=" + maxOrders + ", maxAlerts=" + maxAlerts
                + ", recentChanges=" + recentChanges + "}";
    }
}
