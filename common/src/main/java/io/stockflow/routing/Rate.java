package io.stockflow.routing;

import java.io.Serializable;
import java.math.BigDecimal;

/** What one shipment from a location to a zone at a service level costs and how many days it travels. */
public record Rate(String serviceLevel, String zone, BigDecimal cost, int transitDays) implements Serializable {}
