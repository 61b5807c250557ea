package io.stockflow.routing;

/** The kind of site a location is; {@code THREE_PL} is written {@code "3PL"} in rule sets. */
public enum LocationType {
    WAREHOUSE,
    STORE,
    THREE_PL;

    static LocationType fromJson(String text) {
        return "3PL".equals(text) ? THREE_PL : valueOf(text);
    }
}
