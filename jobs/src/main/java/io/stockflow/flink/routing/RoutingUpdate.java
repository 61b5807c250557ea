package io.stockflow.flink.routing;

import io.stockflow.routing.CapacityLevel;

/**
 * What the order router is told on its broadcast input: a rule set (its canonical JSON) or a capacity level of
 * {@code routing.capacity}; exactly one is set. A plain POJO, so the broadcast stays on Flink's own serializers.
 */
public class RoutingUpdate {
    public String ruleSet;
    public CapacityLevel capacity;

    public RoutingUpdate() {}

    public static RoutingUpdate ruleSet(String document) {
        RoutingUpdate u = new RoutingUpdate();
        u.ruleSet = document;
        return u;
    }

    public static RoutingUpdate capacity(CapacityLevel level) {
        RoutingUpdate u = new RoutingUpdate();
        u.capacity = level;
        return u;
    }
}
