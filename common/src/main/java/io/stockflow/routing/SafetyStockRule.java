package io.stockflow.routing;

import java.io.Serializable;

/** Units kept back at a location ({@code "*"}: every location) for the SKUs a pattern matches. */
public record SafetyStockRule(String location, Glob sku, long units) implements Serializable {
    public static final String ANY_LOCATION = "*";

    boolean applies(String atLocation, String toSku) {
        return (ANY_LOCATION.equals(location) || location.equals(atLocation)) && sku.matches(toSku);
    }

    /** Exact location beats {@code "*"} (2), exact SKU beats a pattern (1). */
    int specificity() {
        return (ANY_LOCATION.equals(location) ? 0 : 2) + (sku.isLiteral() ? 1 : 0);
    }
}
