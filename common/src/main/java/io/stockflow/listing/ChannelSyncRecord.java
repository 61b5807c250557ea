package io.stockflow.listing;

import java.util.ArrayList;
import java.util.List;

/**
 * One push to a channel and what became of it: a record of the {@code channel.sync} topic. {@code status} is the
 * channel client's outcome ({@code ACCEPTED}, {@code STALE}, {@code REFUSED}, {@code FAILED}); {@code reason} is the
 * channel's code and message when it was not accepted. A reconciliation that found the channel showing something else
 * than the quantity last pushed is a record too: status {@code DRIFT}, the quantity that should show and the one
 * {@code observed}.
 */
public class ChannelSyncRecord {
    public String channel;
    public List<String> listingIds = new ArrayList<>();
    public String target;
    public String sku;
    public long quantity;
    public long version;
    public String status;
    public int attempts;
    public long latencyMs;
    public String reason;
    /** When the push was sent (epoch millis); for a {@code DRIFT}, when the quantity was read. */
    public long pushedAt;
    /** {@code DRIFT} only: what the channel showed instead of {@link #quantity}. */
    public Long observed;

    public ChannelSyncRecord() {}

    /** The listing target's key, as {@link ListingPush#targetKey}. */
    public String targetKey() {
        return channel + "|" + String.join(",", listingIds) + "|" + (target == null ? "" : target);
    }

    public boolean failed() {
        return "FAILED".equals(status);
    }

    public static final String DRIFT = "DRIFT";

    public boolean drifted() {
        return DRIFT.equals(status);
    }

    @Override
    public String toString() {
        return channel + " " + listingIds + " " + sku + "=" + quantity + " v" + version + " " + status;
    }
}
