package io.stockflow.ingest;

import io.stockflow.json.JsonFields;
import io.stockflow.json.Sha256;
import java.security.MessageDigest;
import java.util.HexFormat;

/** SHA-256 digests of payloads, from which event ids derive; contact details are {@link ContactHashes}. */
public final class Hashes {
    private Hashes() {}

    /** Bytes of the payload digest kept in an event id (16 hex characters). */
    private static final int FINGERPRINT_BYTES = 8;

    /**
     * The first 16 hex characters of the SHA-256 of a marketplace payload as sent, spacing between tokens ignored:
     * what makes a retried delivery (another {@code received_at}, maybe re-indented) recognisable as a repeat.
     */
    public static String payloadFingerprint(JsonFields payload) {
        MessageDigest digest = Sha256.digest();
        payload.digestCompact(digest);
        return HexFormat.of().formatHex(digest.digest(), 0, FINGERPRINT_BYTES);
    }
}
