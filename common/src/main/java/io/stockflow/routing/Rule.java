package io.stockflow.routing;

import java.io.Serializable;

/** One routing rule: when its conditions hold, its actions pick and rank the locations, under its split policy. */
public record Rule(String id, String description, Conditions conditions, Actions actions, SplitPolicy split)
        implements Serializable {}
