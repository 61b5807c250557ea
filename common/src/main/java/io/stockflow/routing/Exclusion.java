package io.stockflow.routing;

import java.io.Serializable;

/** A location that was not a candidate, and why (a phrase: {@code "disabled"}, {@code "daily capacity used up"}). */
public record Exclusion(String location, String why) implements Serializable {}
