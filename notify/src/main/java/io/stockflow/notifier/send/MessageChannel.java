package io.stockflow.notifier.send;

import java.util.Locale;

/** How a message reaches the customer. */
public enum MessageChannel {
    EMAIL,
    SMS;

    /** The lower-case name, as metrics' tags and the claim log say it. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
