package io.stockflow.listing;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import io.stockflow.json.PublishedSchema;
import io.stockflow.json.YamlDocuments;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a listing-map document into a {@link ListingMap}: first against the published JSON Schema
 * ({@code docs/schemas/channel.listings.schema.json}), then the checks a schema cannot express (a SKU listed once, a
 * channel listing carrying one SKU, listings only on configured channels, Shopify locations named once). A document
 * that fails either is refused with an {@link InvalidRecordException} naming its first {@value #MAX_PROBLEMS} problems
 * with their JSON paths; it never yields a partial map.
 */
public final class ListingMapParser {
    static final int MAX_PROBLEMS = 5;
    static final PublishedSchema SCHEMA = new PublishedSchema(ListingMapParser.class, "channel.listings.schema.json");
    /** Per channel, the fields of a listing that must each name one listing only. */
    private static final Map<Channel, List<String>> IDENTITY = Map.of(
            Channel.SHOPIFY, List.of("inventory_item_id"),
            Channel.AMAZON, List.of("seller_sku"),
            Channel.EBAY, List.of("offer_id"),
            Channel.WOOCOMMERCE, List.of("product_id", "variation_id"));

    private ListingMapParser() {}

    /** A listing map from a JSON document (as read from {@code channel.listings}). */
    public static ListingMap parse(byte[] json) throws InvalidRecordException {
        JsonFields root = JsonFields.parse(json);
        List<String> schemaProblems = SCHEMA.problems(new String(root.canonicalBytes(), StandardCharsets.UTF_8));
        if (!schemaProblems.isEmpty()) throw refuse("does not match channel.listings.schema.json", schemaProblems);
        return new Reader().read(root);
    }

    /** A listing map from a file: YAML when it ends in {@code .yaml} or {@code .yml}, else JSON. */
    public static ListingMap parseFile(Path file) throws IOException, InvalidRecordException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return parse(YamlDocuments.isYaml(file) ? YamlDocuments.toJson(bytes, "listing map") : bytes);
        } catch (InvalidRecordException e) {
            throw new InvalidRecordException(file + ": " + e.getMessage());
        }
    }

    private static InvalidRecordException refuse(String what, List<String> problems) {
        int shown = Math.min(problems.size(), MAX_PROBLEMS);
        StringBuilder reason = new StringBuilder("listing map ")
                .append(what)
                .append(": ")
                .append(String.join("; ", problems.subList(0, shown)));
        if (problems.size() > shown)
            reason.append("; and ").append(problems.size() - shown).append(" more");
        return new InvalidRecordException(reason.toString());
    }

    /** Builds the model from a schema-valid document and collects the semantic problems. */
    private static final class Reader {
        private final List<String> problems = new ArrayList<>();

        ListingMap read(JsonFields root) throws InvalidRecordException {
            String version = root.text("version");
            long effectiveFrom = 0;
            try {
                effectiveFrom = root.time("effective_from");
            } catch (InvalidRecordException e) {
                problems.add(e.getMessage());
            }
            Map<Channel, ChannelRules> channels = channels(root.object("channels"));
            Map<String, Map<Channel, Listing>> listings = listings(root.optArray("listings"), channels);
            if (!problems.isEmpty()) throw refuse(version + " is invalid", problems);
            return new ListingMap(
                    version,
                    effectiveFrom,
                    root.optText("description"),
                    Collections.unmodifiableMap(channels),
                    Collections.unmodifiableMap(listings));
        }

        private Map<Channel, ChannelRules> channels(JsonFields doc) throws InvalidRecordException {
            Map<Channel, ChannelRules> channels = new EnumMap<>(Channel.class);
            for (Channel channel : Channel.values()) {
                JsonFields c = doc.optObject(channel.wireName());
                if (c == null) continue;
                List<Feed> feeds = new ArrayList<>();
                if (channel == Channel.SHOPIFY) {
                    Map<String, String> seen = new HashMap<>();
                    for (JsonFields location : c.array("locations")) {
                        String id = location.text("id");
                        if (seen.putIfAbsent(id, location.pathOf("id")) != null) {
                            problems.add("field '" + location.pathOf("id") + "': Shopify location " + id
                                    + " is already at '" + seen.get(id) + "'");
                        }
                        feeds.add(new Feed(id, fedBy(location)));
                    }
                } else {
                    feeds.add(new Feed(null, fedBy(c)));
                }
                channels.put(
                        channel,
                        new ChannelRules(
                                channel,
                                List.copyOf(feeds),
                                buffer(c.optObject("buffer")),
                                c.optTextArray("marketplace_ids")));
            }
            return channels;
        }

        private static List<String> fedBy(JsonFields owner) throws InvalidRecordException {
            List<String> locations = owner.optTextArray("fed_by");
            return locations.isEmpty() ? List.of(Feed.EVERY_LOCATION) : List.copyOf(locations);
        }

        private static Buffer buffer(JsonFields b) throws InvalidRecordException {
            if (b == null) return Buffer.NONE;
            Long units = b.optInteger("units");
            BigDecimal percent = b.optDecimal("percent");
            Long zeroBelow = b.optInteger("zero_below");
            return new Buffer(
                    units == null ? 0 : units,
                    percent == null ? 0 : percent.doubleValue(),
                    zeroBelow == null ? 0 : zeroBelow,
                    b.optInteger("cap"));
        }

        private Map<String, Map<Channel, Listing>> listings(
                List<JsonFields> entries, Map<Channel, ChannelRules> channels) throws InvalidRecordException {
            Map<String, Map<Channel, Listing>> bySku = new LinkedHashMap<>();
            Map<String, String> skuAt = new HashMap<>();
            Map<String, String> identityAt = new HashMap<>();
            for (JsonFields entry : entries) {
                String sku = entry.text("sku");
                if (skuAt.putIfAbsent(sku, entry.pathOf("sku")) != null) {
                    problems.add("field '" + entry.pathOf("sku") + "': SKU " + sku + " is already listed at '"
                            + skuAt.get(sku) + "'");
                    continue;
                }
                Map<Channel, Listing> byChannel = new EnumMap<>(Channel.class);
                for (Channel channel : Channel.values()) {
                    JsonFields l = entry.optObject(channel.wireName());
                    if (l == null) continue;
                    if (!channels.containsKey(channel)) {
                        problems.add("field '" + entry.pathOf(channel.wireName()) + "': channel " + channel.wireName()
                                + " is not configured under channels");
                        continue;
                    }
                    Map<String, String> ids = ids(l);
                    String identity = channel.wireName() + " " + identity(channel, ids);
                    if (identityAt.putIfAbsent(identity, entry.pathOf(channel.wireName())) != null) {
                        problems.add("field '" + entry.pathOf(channel.wireName()) + "': the " + identity
                                + " listing already carries the SKU at '" + identityAt.get(identity) + "'");
                    }
                    byChannel.put(channel, new Listing(sku, channel, Map.copyOf(ids)));
                }
                bySku.put(sku, Collections.unmodifiableMap(byChannel));
            }
            return bySku;
        }

        /** The listing's ids as text: integers (WooCommerce) written as they read. */
        private static Map<String, String> ids(JsonFields listing) throws InvalidRecordException {
            Map<String, String> ids = new LinkedHashMap<>();
            for (String field : List.of("inventory_item_id", "seller_sku", "sku", "offer_id")) {
                String value = listing.optText(field);
                if (value != null) ids.put(field, value);
            }
            for (String field : List.of("product_id", "variation_id")) {
                Long value = listing.optInteger(field);
                if (value != null) ids.put(field, Long.toString(value));
            }
            return ids;
        }

        private static String identity(Channel channel, Map<String, String> ids) {
            StringBuilder key = new StringBuilder();
            for (String field : IDENTITY.get(channel)) {
                if (ids.containsKey(field))
                    key.append(key.length() == 0 ? "" : " ")
                            .append(field)
                            .append(' ')
                            .append(ids.get(field));
            }
            return key.toString();
        }
    }
}
