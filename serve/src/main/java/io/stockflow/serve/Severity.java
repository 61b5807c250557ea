package io.stockflow.serve;

import java.util.Locale;

/** Alert severities, least severe first. */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL;

    /** The severity named, in any case; null if there is none of that name. */
    public static Severity parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
