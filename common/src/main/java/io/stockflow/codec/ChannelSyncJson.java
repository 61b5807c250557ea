package io.stockflow.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stockflow.json.Instants;
import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import io.stockflow.json.JsonText;
import io.stockflow.listing.ChannelSyncRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Writes a {@code channel.sync} record ({@code docs/schemas/channel.sync.schema.json}), and reads one back: the sync
 * job reads its own pushes' answers back from the topic.
 */
public final class ChannelSyncJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChannelSyncJson() {}

    public static ChannelSyncRecord read(byte[] record) throws InvalidRecordException {
        JsonFields f = JsonFields.parse(record);
        ChannelSyncRecord r = new ChannelSyncRecord();
        r.channel = f.id("channel");
        r.target = f.optText("target");
        r.sku = f.id("sku");
        r.quantity = f.integer("quantity");
        r.version = f.integer("availability_version");
        r.status = f.id("status");
        r.attempts = (int) f.integer("attempts");
        r.latencyMs = f.integer("latency_ms");
        r.reason = f.optText("reason");
        r.pushedAt = f.time("pushed_at");
        if (f.has("observed")) r.observed = f.integer("observed");
        try {
            JsonNode listing = JSON.readTree(record).path("listing");
            if (!listing.isObject() || listing.isEmpty()) throw f.missing("listing");
            List<String> ids = new ArrayList<>();
            listing.fields()
                    .forEachRemaining(
                            e -> ids.add(e.getKey() + "=" + e.getValue().asText()));
            Collections.sort(ids);
            r.listingIds = ids;
        } catch (IOException e) {
            throw new InvalidRecordException("unreadable channel.sync record: " + e.getMessage());
        }
        return r;
    }

    public static String write(ChannelSyncRecord r) {
        return JsonText.object(g -> {
            g.writeStringField("channel", r.channel);
            g.writeObjectFieldStart("listing");
            for (String pair : r.listingIds) {
                int eq = pair.indexOf('=');
                g.writeStringField(pair.substring(0, eq), pair.substring(eq + 1));
            }
            g.writeEndObject();
            if (r.target != null) g.writeStringField("target", r.target);
            g.writeStringField("sku", r.sku);
            g.writeNumberField("quantity", r.quantity);
            g.writeNumberField("availability_version", r.version);
            g.writeStringField("status", r.status);
            g.writeNumberField("attempts", r.attempts);
            g.writeNumberField("latency_ms", r.latencyMs);
            if (r.reason != null) g.writeStringField("reason", r.reason);
            g.writeStringField("pushed_at", Instants.format(r.pushedAt));
            if (r.observed != null) g.writeNumberField("observed", r.observed);
        });
    }
}
