package io.stockflow.routing;

import java.io.Serializable;

/** A point in decimal degrees. */
public record Coordinates(double lat, double lon) implements Serializable {
    private static final double EARTH_RADIUS_KM = 6371.0088;

    /** Great-circle distance in kilometres (haversine). */
    public double distanceKm(Coordinates other) {
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
