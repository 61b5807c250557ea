package io.stockflow.allocation;

/** Names the built-in allocation policy in decisions, until versioned rule sets replace it. */
public final class DefaultRules {
    public static final String RULE_SET_VERSION = "builtin-1";
    public static final String MOST_AVAILABLE = "most-available";
    public static final String DESCRIPTION =
            "each line goes whole to the location with the most available, else is split by most available";

    private DefaultRules() {}
}
