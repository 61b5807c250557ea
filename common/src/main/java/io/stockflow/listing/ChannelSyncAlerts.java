package io.stockflow.listing;

import io.stockflow.alert.Alert;
import io.stockflow.alert.AlertIds;
import io.stockflow.alert.Evidence;
import io.stockflow.alert.Severity;

/** The alerts of channel sync. */
public final class ChannelSyncAlerts {
    public static final String CHANNEL_SYNC_FAILED = "CHANNEL_SYNC_FAILED";
    public static final String LISTING_MAP_REJECTED = "LISTING_MAP_REJECTED";
    public static final String CHANNEL_DRIFT = "CHANNEL_DRIFT";

    private ChannelSyncAlerts() {}

    /**
     * A push that got no usable answer after the client's retries: the channel keeps showing an older quantity. The
     * id names the listing target and the availability version, so a replay of the same push gives the same alert.
     */
    public static Alert syncFailed(ChannelSyncRecord r, long detectedAt) {
        String targetKey = r.targetKey();
        Alert a = new Alert();
        a.alertId = AlertIds.of(CHANNEL_SYNC_FAILED, targetKey, r.version);
        a.type = CHANNEL_SYNC_FAILED;
        a.severity = Severity.WARNING;
        a.sku = r.sku;
        a.channel = r.channel;
        a.eventTime = r.pushedAt;
        a.detectedAt = detectedAt;
        a.observed = (double) r.quantity;
        a.message = r.channel + " did not take quantity " + r.quantity + " for SKU " + r.sku + " (listing "
                + String.join(", ", r.listingIds) + (r.target == null ? "" : " at " + r.target) + ", availability v"
                + r.version + ") after " + r.attempts + " attempts: " + r.reason
                + ". The listing may be selling units that are gone; it is pushed again after a pause, and at the SKU's next change.";
        a.evidenceJson = Evidence.of("listing", String.join(",", r.listingIds))
                .and("target", r.target == null ? "" : r.target)
                .and("version", Long.toString(r.version))
                .and("attempts", Integer.toString(r.attempts))
                .and("reason", r.reason == null ? "" : r.reason)
                .toJson();
        return a;
    }

    /**
     * A reconciliation found the channel showing another quantity than the one last pushed (someone changed it on the
     * channel, or the channel lost the change): the quantity is pushed again at once. The id names the listing target,
     * the version and what was seen, so a replay gives the same alert and a new drift of the same version a new one.
     */
    public static Alert drift(ChannelSyncRecord r) {
        String targetKey = r.targetKey();
        Alert a = new Alert();
        a.alertId = AlertIds.of(CHANNEL_DRIFT, targetKey, r.version, r.observed, r.pushedAt);
        a.type = CHANNEL_DRIFT;
        a.severity = Severity.WARNING;
        a.sku = r.sku;
        a.channel = r.channel;
        a.eventTime = r.pushedAt;
        a.detectedAt = r.pushedAt;
        a.observed = r.observed == null ? null : (double) r.observed;
        a.expected = (double) r.quantity;
        a.message = r.channel + " lists " + r.observed + " of SKU " + r.sku + " (listing "
                + String.join(", ", r.listingIds) + (r.target == null ? "" : " at " + r.target)
                + ") where stockflow pushed "
                + r.quantity + " (availability v" + r.version + "): changed on the channel since. " + r.quantity
                + " is pushed again.";
        a.evidenceJson = Evidence.of("listing", String.join(",", r.listingIds))
                .and("target", r.target == null ? "" : r.target)
                .and("version", Long.toString(r.version))
                .and("pushed", Long.toString(r.quantity))
                .and("observed", String.valueOf(r.observed))
                .toJson();
        return a;
    }

    /** A listing map published on {@code channel.listings} was refused; the one in force stays. */
    public static Alert mapRejected(String version, String documentHash, String reason, String inForce, long at) {
        Alert a = new Alert();
        a.alertId = AlertIds.of(LISTING_MAP_REJECTED, version, documentHash);
        a.type = LISTING_MAP_REJECTED;
        a.severity = Severity.WARNING;
        a.eventTime = at;
        a.detectedAt = at;
        a.message = "Listing map " + (version == null ? "without a version" : "version " + version)
                + " was refused and channel sync goes on with "
                + (inForce == null ? "no listing map" : "version " + inForce) + ": " + reason;
        a.evidenceJson = Evidence.of("version", version == null ? "" : version)
                .and("document_sha256", documentHash)
                .and("in_force", inForce == null ? "" : inForce)
                .and("reason", reason)
                .toJson();
        return a;
    }
}
