package io.stockflow.routing;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * Which locations a rule lets ship and how it ranks them: {@code only} (empty: all), {@code never}, {@code prefer}
 * (these first, in this order) and {@code rankBy} (criteria in priority order; ties end at the location id).
 */
public record Actions(Set<String> only, Set<String> never, List<String> prefer, List<Criterion> rankBy)
        implements Serializable {

    public Actions {
        only = Set.copyOf(only);
        never = Set.copyOf(never);
        prefer = List.copyOf(prefer);
        rankBy = List.copyOf(rankBy);
    }
}
