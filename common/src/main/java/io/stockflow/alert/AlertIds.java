package io.stockflow.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Deterministic alert ids: a hash of the alert type and the parts that identify one breach. */
public final class AlertIds {
    private AlertIds() {}

    public static String of(String type, Object... parts) {
        StringBuilder identity = new StringBuilder(type);
        for (Object part : parts) identity.append('|').append(part);
        return type.toLowerCase() + "-" + sha256Hex(identity.toString()).substring(0, 20);
    }

    static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(digest.length * 2);
            for (byte b : digest) hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
