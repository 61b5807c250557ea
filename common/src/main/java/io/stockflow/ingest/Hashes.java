package io.stockflow.ingest;

import io.stockflow.json.JsonFields;
import io.stockflow.json.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 digests: customer contact details are kept only as hashes, and event ids derive from payload bytes. */
public final class Hashes {
    private Hashes() {}

    /** Hash of the trimmed, lower-cased address; null for a blank or absent one. */
    static String email(String address) {
        if (address == null || address.isBlank()) return null;
        return Sha256.hex(address.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    /** Hash of the number's digits only, so "+1 (555) 010-0199" and "15550100199" agree; null without digits. */
    static String phone(String number) {
        if (number == null) return null;
        StringBuilder digits = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') digits.append(c);
        }
        if (digits.length() == 0) return null;
        return Sha256.hex(digits.toString().getBytes(StandardCharsets.US_ASCII));
    }

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
