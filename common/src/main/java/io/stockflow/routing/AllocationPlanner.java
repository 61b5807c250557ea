package io.stockflow.routing;

import io.stockflow.allocation.Decision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans an order over the ranked candidates of an {@link Evaluation} and the units a {@link Stock} says are free:
 * <ol>
 *   <li>With ship-complete preferred: the best-ranked candidate that has every line ships it all.</li>
 *   <li>Otherwise up to {@code maxShipments} locations: with ship-complete preferred, greedily the candidate that
 *       covers most of what is still missing (ties to the better rank), which keeps shipments few; without it, each
 *       line from the best-ranked candidates in turn.</li>
 *   <li>What is still missing is backordered when the policy allows; else the order is REJECTED and nothing planned.</li>
 * </ol>
 * It never plans more units of a SKU at a location than {@link Stock#available} reports, and never more than ordered.
 */
public final class AllocationPlanner {
    private AllocationPlanner() {}

    public static RoutingDecision plan(RoutingRequest order, Evaluation evaluation, Stock stock) {
        SplitPolicy policy = evaluation.split();
        List<Candidate> ranking = evaluation.ranking();
        Map<String, Long> wanted = order.lines();
        if (wanted.isEmpty()) {
            return decision(
                    order,
                    Decision.REJECTED,
                    List.of(),
                    List.of(),
                    evaluation,
                    List.of(),
                    List.of(),
                    "rejected: the order has no lines to ship");
        }
        Free free = new Free(stock);

        if (policy.shipCompletePreferred()) {
            for (Candidate c : ranking) {
                if (free.hasAll(c.location(), wanted)) {
                    List<PlannedUnits> units = new ArrayList<>();
                    wanted.forEach((sku, q) -> units.add(new PlannedUnits(sku, q, c.location())));
                    return decision(
                            order,
                            Decision.ALLOCATED,
                            units,
                            List.of(),
                            evaluation,
                            List.of(c.location()),
                            List.of(),
                            Reasons.shipsComplete(c, evaluation));
                }
            }
        }

        Map<String, Long> missing = new LinkedHashMap<>(wanted);
        Map<String, Map<String, Long>> byLocation = new LinkedHashMap<>();
        if (policy.shipCompletePreferred()) coverGreedily(ranking, policy.maxShipments(), missing, free, byLocation);
        else followRank(ranking, policy.maxShipments(), missing, free, byLocation);

        List<String> shipFrom = new ArrayList<>();
        for (Candidate c : ranking) {
            if (byLocation.containsKey(c.location())) shipFrom.add(c.location());
        }
        List<PlannedUnits> allocations = new ArrayList<>();
        for (String sku : wanted.keySet()) {
            for (String location : shipFrom) {
                Long q = byLocation.get(location).get(sku);
                if (q != null && q > 0) allocations.add(new PlannedUnits(sku, q, location));
            }
        }
        List<PlannedUnits> shortfall = new ArrayList<>();
        missing.forEach((sku, q) -> {
            if (q > 0) shortfall.add(new PlannedUnits(sku, q, null));
        });

        if (shortfall.isEmpty()) {
            String reason = shipFrom.size() == 1
                    ? Reasons.shipsCompleteLineByLine(shipFrom.get(0), evaluation)
                    : Reasons.split(shipFrom, evaluation, wanted, stock);
            return decision(order, Decision.ALLOCATED, allocations, List.of(), evaluation, shipFrom, shortfall, reason);
        }
        if (!policy.allowBackorder()) {
            return decision(
                    order,
                    Decision.REJECTED,
                    List.of(),
                    List.of(),
                    evaluation,
                    List.of(),
                    shortfall,
                    Reasons.rejected(shortfall, evaluation));
        }
        Decision decision = allocations.isEmpty() ? Decision.BACKORDERED : Decision.PARTIAL;
        return decision(
                order,
                decision,
                allocations,
                shortfall,
                evaluation,
                shipFrom,
                shortfall,
                Reasons.backordered(shipFrom, shortfall, evaluation));
    }

    /** Picks, up to {@code max} times, the candidate that covers most missing units; ties to the better rank. */
    private static void coverGreedily(
            List<Candidate> ranking,
            int max,
            Map<String, Long> missing,
            Free free,
            Map<String, Map<String, Long>> byLocation) {
        while (byLocation.size() < max && total(missing) > 0) {
            Candidate best = null;
            long bestCover = 0;
            for (Candidate c : ranking) {
                if (byLocation.containsKey(c.location())) continue;
                long cover = 0;
                for (Map.Entry<String, Long> e : missing.entrySet()) {
                    cover += Math.min(e.getValue(), free.get(c.location(), e.getKey()));
                }
                if (cover > bestCover) {
                    best = c;
                    bestCover = cover;
                }
            }
            if (best == null) return;
            take(best.location(), missing, free, byLocation);
        }
    }

    /** Each line from the best-ranked candidates in turn, never opening more than {@code max} locations. */
    private static void followRank(
            List<Candidate> ranking,
            int max,
            Map<String, Long> missing,
            Free free,
            Map<String, Map<String, Long>> byLocation) {
        for (Map.Entry<String, Long> line : missing.entrySet()) {
            for (Candidate c : ranking) {
                if (line.getValue() == 0) break;
                if (!byLocation.containsKey(c.location()) && byLocation.size() >= max) continue;
                long q = Math.min(line.getValue(), free.get(c.location(), line.getKey()));
                if (q == 0) continue;
                free.take(c.location(), line.getKey(), q);
                byLocation
                        .computeIfAbsent(c.location(), k -> new LinkedHashMap<>())
                        .merge(line.getKey(), q, Long::sum);
                line.setValue(line.getValue() - q);
            }
        }
    }

    private static void take(
            String location, Map<String, Long> missing, Free free, Map<String, Map<String, Long>> byLocation) {
        Map<String, Long> planned = byLocation.computeIfAbsent(location, k -> new LinkedHashMap<>());
        for (Map.Entry<String, Long> e : missing.entrySet()) {
            long q = Math.min(e.getValue(), free.get(location, e.getKey()));
            if (q == 0) continue;
            free.take(location, e.getKey(), q);
            planned.merge(e.getKey(), q, Long::sum);
            e.setValue(e.getValue() - q);
        }
    }

    private static long total(Map<String, Long> missing) {
        long sum = 0;
        for (long q : missing.values()) sum += q;
        return sum;
    }

    private static RoutingDecision decision(
            RoutingRequest order,
            Decision decision,
            List<PlannedUnits> allocations,
            List<PlannedUnits> backordered,
            Evaluation evaluation,
            List<String> shipFrom,
            List<PlannedUnits> shortfall,
            String reason) {
        return new RoutingDecision(
                order.orderId(),
                decision,
                allocations,
                backordered,
                Reasons.sentence(reason),
                evaluation,
                shipFrom,
                shortfall);
    }

    /** Free units as the plan consumes them, read from the stock on first use. */
    private static final class Free {
        private final Stock stock;
        private final Map<String, Long> left = new HashMap<>();

        Free(Stock stock) {
            this.stock = stock;
        }

        long get(String location, String sku) {
            return left.computeIfAbsent(location + "\u0000" + sku, k -> Math.max(0, stock.available(location, sku)));
        }

        void take(String location, String sku, long quantity) {
            long now = get(location, sku);
            if (quantity > now)
                throw new IllegalStateException(
                        "planning " + quantity + " of " + sku + " at " + location + " where " + now + " are free");
            left.put(location + "\u0000" + sku, now - quantity);
        }

        boolean hasAll(String location, Map<String, Long> wanted) {
            for (Map.Entry<String, Long> e : wanted.entrySet()) {
                if (get(location, e.getKey()) < e.getValue()) return false;
            }
            return true;
        }
    }
}
