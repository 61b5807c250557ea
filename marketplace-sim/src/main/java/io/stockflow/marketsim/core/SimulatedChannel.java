package io.stockflow.marketsim.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;

/** One simulated marketplace (or messaging API): its endpoints, its seeding, and what it holds. */
public interface SimulatedChannel {
    Channel channel();

    /**
     * Registers the channel's API through {@code api} (failure modes, call log) and its seeding endpoints under
     * {@code /_sim/<channel>/} directly on {@code admin}.
     */
    void register(SimRoutes api, RoutesConfig admin);

    /** What the channel holds now, by kind: {@code quantities}, {@code shipments}, {@code cancellations}, {@code messages}. */
    ObjectNode state();

    /** Forgets everything seeded and received. */
    void clear();
}
