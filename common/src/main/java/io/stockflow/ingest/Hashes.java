package io.stockflow.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 digests: customer contact details are kept only as hashes, and event ids derive from payload bytes. */
public final class Hashes {
    private Hashes() {}

    /** Hash of the trimmed, lower-cased address; null for a blank or absent one. */
    static String email(String address) {
        if (address == null || address.isBlank()) return null;
        return sha256Hex(address.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
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
        return sha256Hex(digits.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** Lower-case hex SHA-256 of the bytes: event ids, alert ids and customer hashes all use it. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
