package io.stockflow.channels.http;

import java.util.Objects;

/**
 * A credential: its value is read only where a request is built ({@link #reveal()}); printing it, logging it or putting
 * it in a message shows {@value #MASK}, so settings and errors can be shown whole.
 */
public final class Secret {
    public static final String MASK = "****";

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "a secret needs a value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
