package io.stockflow.routing;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A location that may ship the order, with the figures it was ranked by. {@code rank} starts at 1. {@code preferred}
 * is its position in the rule's prefer list, or -1. {@code transitDays} counts from the order's time (one more when the
 * order missed the cut-off); {@code shipDay} is the local day it ships, whose capacity it uses. {@code distanceKm} is
 * null when a coordinate is unknown; {@code capacityLeft} and {@code dailyCapacity} are null when capacity is unlimited.
 */
public record Candidate(
        String location,
        int rank,
        int preferred,
        BigDecimal cost,
        int transitDays,
        Double distanceKm,
        Long capacityLeft,
        LocalDate shipDay,
        boolean afterCutoff,
        Long dailyCapacity)
        implements Serializable {

    /** A candidate whose daily capacity is not recorded (unlimited, or not needed). */
    public Candidate(
            String location,
            int rank,
            int preferred,
            BigDecimal cost,
            int transitDays,
            Double distanceKm,
            Long capacityLeft,
            LocalDate shipDay,
            boolean afterCutoff) {
        this(location, rank, preferred, cost, transitDays, distanceKm, capacityLeft, shipDay, afterCutoff, null);
    }

    Candidate withCapacityLeft(Long left) {
        return new Candidate(
                location, rank, preferred, cost, transitDays, distanceKm, left, shipDay, afterCutoff, dailyCapacity);
    }

    Candidate withRank(int newRank) {
        return new Candidate(
                location,
                newRank,
                preferred,
                cost,
                transitDays,
                distanceKm,
                capacityLeft,
                shipDay,
                afterCutoff,
                dailyCapacity);
    }
}
