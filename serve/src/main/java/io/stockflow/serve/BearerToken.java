package io.stockflow.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks an {@code Authorization: Bearer} header against the configured token, in constant time. */
final class BearerToken {
    private final byte[] expected;

    BearerToken(String token) {
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    boolean admits(String authorization) {
        if (authorization == null) return false;
        return MessageDigest.isEqual(expected, authorization.getBytes(StandardCharsets.UTF_8));
    }

    /** The token itself, as the console's cookie or its login address carries it. */
    boolean admitsToken(String token) {
        return token != null && admits("Bearer " + token);
    }

    @Override
    public String toString() {
        return "BearerToken[******]";
    }
}
