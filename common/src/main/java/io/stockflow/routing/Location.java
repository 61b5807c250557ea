package io.stockflow.routing;

import java.io.Serializable;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A site that can ship orders. {@code coordinates}, {@code cutoff} and {@code dailyCapacity} may be null (unknown, no
 * cut-off, unlimited). Capacity counts shipments per local day of {@code timeZone}.
 */
public record Location(
        String id,
        LocationType type,
        String country,
        String region,
        Coordinates coordinates,
        ZoneId timeZone,
        LocalTime cutoff,
        Long dailyCapacity,
        boolean enabled,
        List<Rate> rates)
        implements Serializable {

    public Location {
        rates = List.copyOf(rates);
    }

    /** The rate to {@code zone} at {@code serviceLevel}, or null when the location does not serve it. */
    public Rate rate(String serviceLevel, String zone) {
        for (Rate r : rates) {
            if (r.serviceLevel().equals(serviceLevel) && r.zone().equals(zone)) return r;
        }
        return null;
    }
}
