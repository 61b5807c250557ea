package io.stockflow.routing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies a rule set to one order: the first rule whose conditions hold (else the fallback) decides which locations
 * are candidates and how they rank. A location is a candidate when it is enabled, allowed by the rule's only/never
 * lists, has a rate to the order's zone at its service level, has capacity left on the day it would ship (after its
 * cut-off that is the next local day, and transit takes one day more) and, when the rule ranks by TRANSIT_DAYS, keeps
 * the service level's promise. Candidates are ordered by the prefer list, then the rule's criteria, then location id.
 * Stock is not considered here: that is the planner's job.
 */
public final class RuleEvaluator {
    private RuleEvaluator() {}

    public static Evaluation evaluate(RuleSet ruleSet, RoutingRequest order, Stock stock) {
        String level = ruleSet.serviceLevelOf(order);
        List<String> matched = new ArrayList<>();
        for (Rule r : ruleSet.rules()) {
            if (r.conditions().matches(order, level)) matched.add(r.id());
        }
        Rule rule = matched.isEmpty() ? ruleSet.fallback() : rule(ruleSet, matched.get(0));
        Zone zone = ruleSet.zoneOf(order.shipCountry(), order.shipRegion(), order.shipPostcode());
        Actions actions = rule.actions();
        Integer promise = ruleSet.defaults().promiseDays(level);

        List<Candidate> candidates = new ArrayList<>();
        List<Exclusion> excluded = new ArrayList<>();
        for (Location l : ruleSet.locations()) {
            String why = null;
            Candidate c = null;
            Rate rate = zone == null ? null : l.rate(level, zone.id());
            if (!l.enabled()) why = "disabled";
            else if (!actions.only().isEmpty() && !actions.only().contains(l.id())) why = "not in the rule's only list";
            else if (actions.never().contains(l.id())) why = "in the rule's never list";
            else if (zone == null) why = "the ship-to address is in no zone";
            else if (rate == null) why = "no " + level + " rate to zone " + zone.id();
            else {
                c = candidate(l, rate, zone, order, stock, actions);
                if (c.capacityLeft() != null && c.capacityLeft() <= 0) {
                    why = "daily capacity of " + l.dailyCapacity() + " used up on " + c.shipDay();
                } else if (actions.rankBy().contains(Criterion.TRANSIT_DAYS)
                        && promise != null
                        && c.transitDays() > promise) {
                    why = c.transitDays() + " transit days miss the " + promise + "-day promise of " + level;
                }
            }
            if (why != null) excluded.add(new Exclusion(l.id(), why));
            else candidates.add(c);
        }
        candidates.sort(order(actions.rankBy()));
        List<Candidate> ranked = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) ranked.add(candidates.get(i).withRank(i + 1));
        return new Evaluation(
                ruleSet.version(),
                rule.id(),
                matched.isEmpty(),
                matched,
                actions.rankBy(),
                level,
                zone == null ? null : zone.id(),
                ranked,
                excluded,
                rule.split());
    }

    private static Rule rule(RuleSet ruleSet, String id) {
        for (Rule r : ruleSet.rules()) {
            if (r.id().equals(id)) return r;
        }
        throw new IllegalStateException("rule " + id + " vanished");
    }

    private static Candidate candidate(
            Location l, Rate rate, Zone zone, RoutingRequest order, Stock stock, Actions actions) {
        ZonedDateTime local = Instant.ofEpochMilli(order.eventTime()).atZone(l.timeZone());
        boolean afterCutoff = l.cutoff() != null && !local.toLocalTime().isBefore(l.cutoff());
        LocalDate shipDay = afterCutoff ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        Long capacityLeft = l.dailyCapacity() == null
                ? null
                : Math.max(0, l.dailyCapacity() - stock.shipmentsPlanned(l.id(), shipDay));
        Double distance = l.coordinates() == null || zone.center() == null
                ? null
                : BigDecimal.valueOf(l.coordinates().distanceKm(zone.center()))
                        .setScale(1, RoundingMode.HALF_UP)
                        .doubleValue();
        return new Candidate(
                l.id(),
                0,
                actions.prefer().indexOf(l.id()),
                rate.cost(),
                rate.transitDays() + (afterCutoff ? 1 : 0),
                distance,
                capacityLeft,
                shipDay,
                afterCutoff,
                l.dailyCapacity());
    }

    /** Prefer-listed first in list order, then each criterion in priority, then location id. */
    static Comparator<Candidate> order(List<Criterion> rankBy) {
        Comparator<Candidate> comparator =
                Comparator.comparingInt(c -> c.preferred() < 0 ? Integer.MAX_VALUE : c.preferred());
        for (Criterion criterion : rankBy) comparator = comparator.thenComparing(by(criterion));
        return comparator.thenComparing(Candidate::location);
    }

    private static Comparator<Candidate> by(Criterion criterion) {
        switch (criterion) {
            case COST:
                return Comparator.comparing(Candidate::cost);
            case TRANSIT_DAYS:
                return Comparator.comparingInt(Candidate::transitDays);
            case DISTANCE:
                return Comparator.comparing(Candidate::distanceKm, Comparator.nullsLast(Comparator.naturalOrder()));
            case CAPACITY_LEFT:
                // Unlimited first, then most left.
                return Comparator.comparing(
                        Candidate::capacityLeft, Comparator.nullsFirst(Comparator.<Long>reverseOrder()));
            default:
                throw new IllegalArgumentException("unknown criterion " + criterion);
        }
    }
}
