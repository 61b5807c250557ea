package io.stockflow.routing;

import java.io.Serializable;

/** Units of a SKU planned at a location, or (location null) backordered or short. */
public record PlannedUnits(String sku, long quantity, String location) implements Serializable {}
