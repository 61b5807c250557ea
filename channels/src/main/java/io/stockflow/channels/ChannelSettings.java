package io.stockflow.channels;

import io.stockflow.channels.http.CallLimits;
import io.stockflow.channels.http.Secret;
import io.stockflow.listing.Channel;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where one channel's API is and how to call it: the base URL, the API version (Shopify), the seller and its
 * marketplaces (Amazon), the credentials, the batch size and the call limits. Credentials come from the environment
 * only and are {@link Secret}s, so {@code toString} shows them masked.
 */
public record ChannelSettings(
        Channel channel,
        URI baseUrl,
        String apiVersion,
        String sellerId,
        List<String> marketplaceIds,
        Map<String, Secret> credentials,
        int batchSize,
        CallLimits limits) {
    /** Shopify, Amazon and eBay: the bearer of the calls. */
    public static final String ACCESS_TOKEN = "access_token";
    /** WooCommerce: the REST API key, sent as HTTP Basic user and password. */
    public static final String CONSUMER_KEY = "consumer_key";

    public static final String CONSUMER_SECRET = "consumer_secret";

    /** The Shopify Admin API version used when none is configured. */
    public static final String SHOPIFY_DEFAULT_VERSION = "2026-04";

    public ChannelSettings {
        credentials = Map.copyOf(credentials);
        marketplaceIds = List.copyOf(marketplaceIds);
        int most = mostPerBatch(channel);
        if (batchSize < 1 || batchSize > most) {
            throw new IllegalArgumentException(
                    channel.wireName() + " takes 1 to " + most + " items a batch, not " + batchSize);
        }
    }

    /** The most items one call may carry: Shopify quantities a mutation, eBay offers a bulk call, WooCommerce items. */
    public static int mostPerBatch(Channel channel) {
        return switch (channel) {
            case SHOPIFY -> 250;
            case AMAZON -> 1;
            case EBAY -> 25;
            case WOOCOMMERCE -> 100;
        };
    }

    /** The request rate kept on this side when none is configured: under each channel's documented or usual limit. */
    public static double defaultRequestsPerSecond(Channel channel) {
        return switch (channel) {
            case SHOPIFY -> 4; // 50 cost points restored a second, about 10 a call
            case AMAZON -> 5; // patchListingsItem's usage plan
            case EBAY -> 5;
            case WOOCOMMERCE -> 5; // the host's limit; leave room for the shop's own traffic
        };
    }

    public Secret credential(String name) {
        Secret secret = credentials.get(name);
        if (secret == null) throw new IllegalStateException(channel.wireName() + " has no " + name + " configured");
        return secret;
    }

    public ChannelSettings withLimits(CallLimits newLimits) {
        return new ChannelSettings(
                channel, baseUrl, apiVersion, sellerId, marketplaceIds, credentials, batchSize, newLimits);
    }

    /**
     * The share of one of {@code clients} clients that call the channel at once (the tasks of a parallel operator):
     * each keeps {@code 1/clients} of the request rate, so together they stay inside the channel's limit, which is one
     * seller's, however many tasks call it.
     */
    public ChannelSettings sharedBy(int clients) {
        if (clients < 1) throw new IllegalArgumentException("at least one client shares a channel, not " + clients);
        return withLimits(limits.withRequestsPerSecond(limits.requestsPerSecond() / clients));
    }

    public ChannelSettings withApiVersion(String version) {
        return new ChannelSettings(channel, baseUrl, version, sellerId, marketplaceIds, credentials, batchSize, limits);
    }

    public ChannelSettings withBatchSize(int size) {
        return new ChannelSettings(channel, baseUrl, apiVersion, sellerId, marketplaceIds, credentials, size, limits);
    }

    /**
     * A channel's settings from configuration ({@code channels.<channel>.base-url}, {@code .api-version},
     * {@code .seller-id}, {@code .marketplace-ids}, {@code .batch-size}, {@code .requests-per-second},
     * {@code .timeout-ms}, {@code .max-attempts}) and its credentials from the environment
     * ({@code STOCKFLOW_<CHANNEL>_ACCESS_TOKEN}; for WooCommerce {@code STOCKFLOW_WOOCOMMERCE_CONSUMER_KEY} and
     * {@code _CONSUMER_SECRET}). A missing setting is named in the exception, a secret's value never.
     */
    public static ChannelSettings from(Channel channel, Map<String, String> config, Map<String, String> env) {
        String prefix = "channels." + channel.wireName() + ".";
        String base = config.get(prefix + "base-url");
        if (base == null || base.isBlank())
            throw new IllegalArgumentException("missing setting " + prefix + "base-url");
        Map<String, Secret> credentials = new LinkedHashMap<>();
        String envPrefix = "STOCKFLOW_" + channel.name() + "_";
        List<String> names =
                channel == Channel.WOOCOMMERCE ? List.of(CONSUMER_KEY, CONSUMER_SECRET) : List.of(ACCESS_TOKEN);
        for (String name : names) {
            String variable = envPrefix + name.toUpperCase(Locale.ROOT);
            String value = env.get(variable);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("missing credential: set the environment variable " + variable);
            }
            credentials.put(name, Secret.of(value));
        }
        String sellerId = config.get(prefix + "seller-id");
        if (channel == Channel.AMAZON && sellerId == null) {
            throw new IllegalArgumentException("missing setting " + prefix + "seller-id");
        }
        List<String> marketplaces = Arrays.stream(
                        config.getOrDefault(prefix + "marketplace-ids", "").split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        double rate = Double.parseDouble(config.getOrDefault(
                prefix + "requests-per-second", Double.toString(defaultRequestsPerSecond(channel))));
        CallLimits limits = CallLimits.defaults(rate);
        if (config.containsKey(prefix + "timeout-ms")) {
            limits = limits.withRequestTimeout(Duration.ofMillis(Long.parseLong(config.get(prefix + "timeout-ms"))));
        }
        if (config.containsKey(prefix + "max-attempts")) {
            limits = limits.withRetries(
                    Integer.parseInt(config.get(prefix + "max-attempts")),
                    limits.initialBackoff(),
                    limits.maxBackoff());
        }
        int batch =
                Integer.parseInt(config.getOrDefault(prefix + "batch-size", Integer.toString(mostPerBatch(channel))));
        String version = channel == Channel.SHOPIFY
                ? config.getOrDefault(prefix + "api-version", SHOPIFY_DEFAULT_VERSION)
                : null;
        return new ChannelSettings(
                channel, URI.create(base), version, sellerId, marketplaces, credentials, batch, limits);
    }
}
