package io.stockflow.ingest;

import io.stockflow.json.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the canonical stream keeps of a buyer's e-mail and phone: a digest that tells the same buyer again (bursts,
 * repeat customers) and whether a channel to them exists, never the address. With a secret key the digest is an
 * HMAC-SHA256, which nobody without the key can reverse by hashing a list of known addresses; without one it is a
 * plain SHA-256, which anyone can, so a production run sets {@value #KEY_VARIABLE}.
 */
public final class ContactHashes {
    /** The environment variable holding the key, read where the records are parsed (the TaskManagers). */
    public static final String KEY_VARIABLE = "STOCKFLOW_CONTACT_HASH_KEY";
    /** HMAC-SHA256 keys shorter than the digest weaken it. */
    public static final int MIN_KEY_BYTES = 32;

    /** Plain SHA-256: the digest when no key is set. */
    public static final ContactHashes UNKEYED = new ContactHashes(null);

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    private ContactHashes(SecretKeySpec key) {
        this.key = key;
    }

    /** Keyed with the UTF-8 bytes of {@code secret}, which must hold at least {@value #MIN_KEY_BYTES} bytes. */
    public static ContactHashes keyed(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(KEY_VARIABLE + " must hold at least " + MIN_KEY_BYTES
                    + " bytes (e.g. `openssl rand -hex 32`), got " + bytes.length);
        }
        return new ContactHashes(new SecretKeySpec(bytes, HMAC));
    }

    /** Keyed from {@value #KEY_VARIABLE} in {@code environment}; unkeyed when it is absent or blank. */
    public static ContactHashes from(Map<String, String> environment) {
        String secret = environment.get(KEY_VARIABLE);
        return secret == null || secret.isBlank() ? UNKEYED : keyed(secret.strip());
    }

    public boolean keyed() {
        return key != null;
    }

    /** Digest of the trimmed, lower-cased address; null for a blank or absent one. */
    public String email(String address) {
        if (address == null || address.isBlank()) return null;
        return digest(address.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    /** Digest of the number's digits only, so "+1 (555) 010-0199" and "15550100199" agree; null without digits. */
    public String phone(String number) {
        if (number == null) return null;
        StringBuilder digits = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') digits.append(c);
        }
        if (digits.length() == 0) return null;
        return digest(digits.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Digest of a ship-to building: country, postcode and first street line, each lower-cased with every run of
     * characters other than letters and digits made one space, so "12 Main St." and "12  main st" agree. Null without
     * a street line: a postcode alone is shared by thousands of households and identifies no one.
     */
    public String shipAddress(String country, String postcode, String street) {
        if (street == null || street.isBlank()) return null;
        String key = normal(country) + "|" + normal(postcode).replace(" ", "") + "|" + normal(street);
        return digest(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String normal(String text) {
        if (text == null) return "";
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private String digest(byte[] bytes) {
        if (key == null) return Sha256.hex(bytes);
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return keyed() ? "HMAC-SHA256 (keyed)" : "SHA-256 (no key)";
    }
}
