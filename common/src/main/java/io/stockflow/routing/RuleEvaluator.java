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
 * lists, has a rate to the order's zone at its service level, when the rule ranks by TRANSIT_DAYS keeps the service
 * level's promise, and has capacity left on the day it would ship (after its cut-off that is the next local day, and
 * transit takes one day more). Candidates are ordered by the prefer list, then the rule's criteria, then location id.
 * Stock is not considered here: that is the planner's job.
 *
 * <p>Daily capacity is the last step ({@link #withCapacity}), applied to what {@link #beforeCapacity} makes of the
 * order: live routing does both at once with the capacity levels it has read back; a replay evaluates before capacity
 * and its ledger adds capacity at decision time, from the shipments it has counted (docs/design/routing.md).
 */
public final class RuleEvaluator {
    private RuleEvaluator() {}

    public static Evaluation evaluate(RuleSet ruleSet, RoutingRequest order, Stock stock) {
        return withCapacity(beforeCapacity(ruleSet, order), stock);
    }

    /**
     * The evaluation as if no shipment were planned yet: a location with a daily capacity is a candidate with all of
     * it left (with none at all, it is still listed here and left out by {@link #withCapacity}).
     */
    public static Evaluation beforeCapacity(RuleSet ruleSet, RoutingRequest order) {
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
                c = candidate(l, rate, zone, order, actions);
                if (actions.rankBy().contains(Criterion.TRANSIT_DAYS) && promise != null && c.transitDays() > promise) {
                    why = c.transitDays() + " transit days miss the " + promise + "-day promise of " + level;
                }
            }
            if (why != null) excluded.add(new Exclusion(l.id(), why));
            else candidates.add(c);
        }
        return new Evaluation(
                ruleSet.version(),
                rule.id(),
                matched.isEmpty(),
                matched,
                actions.rankBy(),
                level,
                zone == null ? null : zone.id(),
                ranked(candidates, actions.rankBy()),
                excluded,
                rule.split());
    }

    /**
     * {@code evaluation} with the shipments {@code stock} says are planned: each candidate's capacity left on its ship
     * day, and a candidate with none left moved to the exclusions ("daily capacity of N used up on DAY"), after the
     * other exclusions, in the order it ranked; the rest ranked again. Only the output of {@link #beforeCapacity} is
     * meant as input: a capacity exclusion already made is kept as it is.
     */
    public static Evaluation withCapacity(Evaluation evaluation, Stock stock) {
        List<Candidate> candidates = new ArrayList<>(evaluation.ranking().size());
        List<Exclusion> excluded = new ArrayList<>(evaluation.excluded());
        for (Candidate c : evaluation.ranking()) {
            if (c.dailyCapacity() == null) {
                candidates.add(c);
                continue;
            }
            long left = Math.max(0, c.dailyCapacity() - stock.shipmentsPlanned(c.location(), c.shipDay()));
            if (left <= 0) {
                excluded.add(new Exclusion(
                        c.location(), "daily capacity of " + c.dailyCapacity() + " used up on " + c.shipDay()));
            } else {
                candidates.add(c.withCapacityLeft(left));
            }
        }
        return new Evaluation(
                evaluation.ruleSetVersion(),
                evaluation.ruleId(),
                evaluation.fallback(),
                evaluation.matchedRuleIds(),
                evaluation.rankBy(),
                evaluation.serviceLevel(),
                evaluation.zone(),
                ranked(candidates, evaluation.rankBy()),
                excluded,
                evaluation.split());
    }

    private static List<Candidate> ranked(List<Candidate> candidates, List<Criterion> rankBy) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(order(rankBy));
        List<Candidate> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) ranked.add(sorted.get(i).withRank(i + 1));
        return ranked;
    }

    private static Rule rule(RuleSet ruleSet, String id) {
        for (Rule r : ruleSet.rules()) {
            if (r.id().equals(id)) return r;
        }
        throw new IllegalStateException("rule " + id + " vanished");
    }

    private static Candidate candidate(Location l, Rate rate, Zone zone, RoutingRequest order, Actions actions) {
        ZonedDateTime local = Instant.ofEpochMilli(order.eventTime()).atZone(l.timeZone());
        boolean afterCutoff = l.cutoff() != null && !local.toLocalTime().isBefore(l.cutoff());
        LocalDate shipDay = afterCutoff ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        Long capacityLeft = l.dailyCapacity() == null ? null : Math.max(0, l.dailyCapacity());
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
