package io.stockflow.codec;

import io.stockflow.json.Instants;
import io.stockflow.json.JsonText;
import io.stockflow.listing.ChannelSyncRecord;

/** Writes a {@code channel.sync} record ({@code docs/schemas/channel.sync.schema.json}). */
public final class ChannelSyncJson {
    private ChannelSyncJson() {}

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
        });
    }
}
