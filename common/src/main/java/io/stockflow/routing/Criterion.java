package io.stockflow.routing;

/** A ranking criterion of a rule's actions; a rule lists them in priority order. */
public enum Criterion {
    /** Cheapest rate for the order's zone and service level first. */
    COST,
    /** Fewest transit days first; locations that cannot keep the service level's promise are dropped. */
    TRANSIT_DAYS,
    /** Nearest to the destination zone's center first; unknown distances rank last. */
    DISTANCE,
    /** Most shipments left on the ship day first; unlimited ranks first. */
    CAPACITY_LEFT
}
