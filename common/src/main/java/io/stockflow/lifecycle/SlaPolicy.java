package io.stockflow.lifecycle;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Promises and limits of the lifecycle job (configuration: {@code sla-policy.json}). Ship-by and deliver-by come from
 * the marketplace where it gives them; otherwise ship-by is the handling time in working days of the shipping
 * location (counted from the order, or from the next working day after the location's cut-off), and deliver-by the
 * transit time in delivery days after that. Also: how long an order may stay in one stage, how early to warn before a
 * ship-by, how long state is kept, and the breach-rate windows.
 */
public final class SlaPolicy implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String DEFAULT = "default";
    static final String STANDARD = "STANDARD";

    public final String version;
    final Map<String, WorkingCalendar> calendars;
    final Map<String, ServicePromise> promises;
    public final LocalTime deliverByTime;
    public final Set<DayOfWeek> deliveryDays;
    /** A warning goes out this long before ship-by when the order is not picked yet. */
    public final Duration atRiskBeforeShipBy;

    final Map<Stage, Duration> stuckAfter;
    /** How long an order is remembered after it reached a final stage, for late and repeated events. */
    public final Duration retentionAfterFinal;
    /** How long an order that never reaches a final stage is remembered after its last event. */
    public final Duration idleRetention;
    /** How long a carrier update waits for the shipment that names its tracking code before it is dead-lettered. */
    public final Duration trackingLinkWait;

    public final BreachRatePolicy breachRate;

    SlaPolicy(
            String version,
            Map<String, WorkingCalendar> calendars,
            Map<String, ServicePromise> promises,
            LocalTime deliverByTime,
            Set<DayOfWeek> deliveryDays,
            Duration atRiskBeforeShipBy,
            Map<Stage, Duration> stuckAfter,
            Duration retentionAfterFinal,
            Duration idleRetention,
            Duration trackingLinkWait,
            BreachRatePolicy breachRate) {
        if (!calendars.containsKey(DEFAULT)) throw new IllegalArgumentException("locations must have a 'default'");
        if (!promises.containsKey(DEFAULT)) throw new IllegalArgumentException("channels must have a 'default'");
        if (deliveryDays.isEmpty()) throw new IllegalArgumentException("delivery_days must not be empty");
        ServicePromise fallback = promises.get(DEFAULT);
        if (!fallback.handlingDays.containsKey(STANDARD) || !fallback.transitDays.containsKey(STANDARD)) {
            throw new IllegalArgumentException("channels.default needs STANDARD handling_days and transit_days");
        }
        this.version = version;
        this.calendars = Map.copyOf(calendars);
        this.promises = Map.copyOf(promises);
        this.deliverByTime = deliverByTime;
        this.deliveryDays = EnumSet.copyOf(deliveryDays);
        this.atRiskBeforeShipBy = atRiskBeforeShipBy;
        this.stuckAfter = stuckAfter.isEmpty() ? new EnumMap<>(Stage.class) : new EnumMap<>(stuckAfter);
        this.retentionAfterFinal = retentionAfterFinal;
        this.idleRetention = idleRetention;
        this.trackingLinkWait = trackingLinkWait;
        this.breachRate = breachRate;
    }

    public WorkingCalendar calendar(String location) {
        WorkingCalendar c = location == null ? null : calendars.get(location);
        return c != null ? c : calendars.get(DEFAULT);
    }

    /** How long an order may stay in a stage before it counts as stuck; null when it may stay for ever. */
    public Duration stuckAfter(Stage stage) {
        return stuckAfter.get(stage);
    }

    public int handlingDays(String channel, String serviceLevel) {
        return days(channel, serviceLevel, true);
    }

    public int transitDays(String channel, String serviceLevel) {
        return days(channel, serviceLevel, false);
    }

    /** The channel's days for the level, else the default channel's; a level named nowhere takes STANDARD's. */
    private int days(String channel, String serviceLevel, boolean handling) {
        String level = serviceLevel == null ? STANDARD : serviceLevel;
        for (String l : new String[] {level, STANDARD}) {
            for (String key : new String[] {channel, DEFAULT}) {
                ServicePromise p = key == null ? null : promises.get(key);
                if (p == null) continue;
                Integer n = (handling ? p.handlingDays : p.transitDays).get(l);
                if (n != null) return n;
            }
        }
        throw new IllegalStateException("no " + (handling ? "handling" : "transit") + " days for " + level);
    }

    /** The ship-by of an order: the marketplace's, else the policy's; null while the order itself is unknown. */
    public Deadline shipBy(OrderTrack t) {
        if (t.marketShipBy != null) return new Deadline(t.marketShipBy, "marketplace");
        if (t.placedAt == 0) return null;
        WorkingCalendar cal = calendar(t.location);
        int handling = handlingDays(t.channel, t.serviceLevel);
        LocalDate day = cal.addWorkingDays(cal.firstDay(Instant.ofEpochMilli(t.placedAt)), handling);
        return new Deadline(
                cal.at(day, cal.shipByTime).toEpochMilli(),
                "policy " + version + ": " + handling
                        + " working day(s) of handling at " + locationName(t.location) + " (cut-off " + cal.cutoff + " "
                        + cal.zone + ")");
    }

    /** The deliver-by: the marketplace's, else the transit days on delivery days after the ship-by's day. */
    public Deadline deliverBy(OrderTrack t) {
        return t.marketDeliverBy != null ? new Deadline(t.marketDeliverBy, "marketplace") : deliverBy(t, shipBy(t));
    }

    /** The deliver-by, given the order's ship-by (null when unknown). */
    public Deadline deliverBy(OrderTrack t, Deadline shipBy) {
        if (t.marketDeliverBy != null) return new Deadline(t.marketDeliverBy, "marketplace");
        if (shipBy == null) return null;
        WorkingCalendar cal = calendar(t.location);
        int transit = transitDays(t.channel, t.serviceLevel);
        LocalDate day = Instant.ofEpochMilli(shipBy.time).atZone(cal.zone).toLocalDate();
        for (int left = transit; left > 0; ) {
            day = day.plusDays(1);
            if (deliveryDays.contains(day.getDayOfWeek())) left--;
        }
        return new Deadline(
                cal.at(day, deliverByTime).toEpochMilli(),
                "policy " + version + ": " + transit
                        + " delivery day(s) of " + (t.serviceLevel == null ? STANDARD : t.serviceLevel)
                        + " transit after ship-by");
    }

    private static String locationName(String location) {
        return location == null ? "the default location" : location;
    }
}
