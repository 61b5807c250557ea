package io.stockflow.routing;

import java.io.Serializable;
import java.util.Map;

/** What applies where an order or a rule says nothing. {@code currency} may be null (any). */
public record Defaults(String serviceLevel, String currency, Map<String, Integer> promiseDays, SplitPolicy split)
        implements Serializable {
    public static final Map<String, Integer> PROMISE_DAYS =
            Map.of("STANDARD", 5, "EXPEDITED", 3, "PRIORITY", 1, "SCHEDULED", 7);

    public Defaults {
        promiseDays = Map.copyOf(promiseDays);
    }

    /** Transit days the service level promises, or null when it promises nothing. */
    public Integer promiseDays(String level) {
        return promiseDays.get(level);
    }
}
