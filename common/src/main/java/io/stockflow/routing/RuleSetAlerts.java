package io.stockflow.routing;

import io.stockflow.alert.Alert;
import io.stockflow.alert.AlertIds;
import io.stockflow.alert.Evidence;
import io.stockflow.alert.Severity;
import io.stockflow.json.Sha256;

/** The alert raised when a rule set published on {@code routing.rules} is refused. */
public final class RuleSetAlerts {
    public static final String RULE_SET_REJECTED = "RULE_SET_REJECTED";

    private RuleSetAlerts() {}

    /**
     * {@code version} may be null when the document did not say; the id hashes the bytes, so repeats share it.
     * {@code eventTime} is the document's {@code effective_from} when it can be read.
     */
    public static Alert rejected(
            String version, byte[] document, String reason, String inForce, long eventTime, long detectedAt) {
        Alert a = new Alert();
        String hash = Sha256.hex(document).substring(0, 16);
        a.alertId = AlertIds.of(RULE_SET_REJECTED, version, hash);
        a.type = RULE_SET_REJECTED;
        a.severity = Severity.WARNING;
        a.eventTime = eventTime;
        a.detectedAt = detectedAt;
        a.message = "Rule set " + (version == null ? "without a version" : "version " + version)
                + " was refused and routing goes on with "
                + (inForce == null ? "the built-in allocator" : "version " + inForce) + ": " + reason;
        a.evidenceJson = Evidence.of("version", version == null ? "" : version)
                .and("document_sha256", hash)
                .and("in_force", inForce == null ? "" : inForce)
                .and("reason", reason)
                .toJson();
        return a;
    }
}
