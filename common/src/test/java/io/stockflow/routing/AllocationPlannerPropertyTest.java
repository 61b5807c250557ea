package io.stockflow.routing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.allocation.Decision;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random stock, split policies and orders (a failure names its seed, so it can be replayed). Orders race for
 * the same units: each plan is applied to the stock before the next order is planned, as the ledger would.
 */
class AllocationPlannerPropertyTest {
    private static final List<String> LOCATIONS = List.of("A", "B", "C");
    private static final List<String> SKUS = List.of("TEE-M", "TEE-L", "MUG-1", "CUP-2", "PEN-3");
    private static final List<String> CRITERIA = List.of("COST", "DISTANCE", "CAPACITY_LEFT");
    private static final int ORDERS = 120;

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 40).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void neverPlansMoreThanIsAvailableAndHonoursTheSplitPolicy(long seed) {
        Random random = new Random(seed);
        RuleSet rules = randomRules(random);
        Map<String, Long> free = new HashMap<>();
        for (String l : LOCATIONS) {
            for (String s : SKUS) free.put(l + "/" + s, (long) random.nextInt(9));
        }
        Map<String, Long> shipments = new HashMap<>();

        for (int n = 0; n < ORDERS; n++) {
            StockSnapshot stock = new StockSnapshot(rules);
            free.forEach((key, units) -> stock.free(key.split("/")[0], key.split("/")[1], units));
            shipments.forEach((l, count) -> stock.planned(l, LocalDate.of(2026, 11, 26), count));
            RoutingRequest order = randomOrder(random, "o" + n);
            Evaluation evaluation = RuleEvaluator.evaluate(rules, order, stock);
            RoutingDecision d = AllocationPlanner.plan(order, evaluation, stock);

            int index = n;
            checkInvariants(
                    () -> "seed " + seed + " order " + index + " " + order.lines() + " -> " + d,
                    order,
                    evaluation,
                    stock,
                    d);
            // Apply the plan, as the ledger would reserve it.
            for (PlannedUnits u : d.allocations()) {
                long left = free.merge(u.location() + "/" + u.sku(), -u.quantity(), Long::sum);
                require(
                        left >= rules.safetyStock(u.location(), u.sku()),
                        "safety stock kept",
                        () -> "seed " + seed + " " + u + " leaves " + left);
            }
            for (String l : d.shipFrom()) shipments.merge(l, 1L, Long::sum);
            // Now and then stock arrives.
            if (random.nextInt(10) == 0) {
                free.merge(
                        LOCATIONS.get(random.nextInt(3)) + "/" + SKUS.get(random.nextInt(SKUS.size())),
                        (long) random.nextInt(6),
                        Long::sum);
            }
        }
    }

    private static void checkInvariants(
            Supplier<String> what, RoutingRequest order, Evaluation evaluation, Stock stock, RoutingDecision d) {
        SplitPolicy policy = evaluation.split();
        Map<String, Long> plannedAt = new HashMap<>();
        Map<String, Long> plannedOf = new HashMap<>();
        Set<String> candidates = new HashSet<>();
        evaluation.ranking().forEach(c -> candidates.add(c.location()));
        for (PlannedUnits u : d.allocations()) {
            require(u.quantity() > 0, "positive quantities", what);
            require(candidates.contains(u.location()), "plans only at candidates", what);
            plannedAt.merge(u.location() + "/" + u.sku(), u.quantity(), Long::sum);
            plannedOf.merge(u.sku(), u.quantity(), Long::sum);
        }
        plannedAt.forEach((key, q) -> {
            String[] k = key.split("/");
            require(q <= stock.available(k[0], k[1]), "never more than available at " + key, what);
        });
        Map<String, Long> backorderedOf = new HashMap<>();
        d.backordered().forEach(u -> backorderedOf.merge(u.sku(), u.quantity(), Long::sum));
        order.lines().forEach((sku, wanted) -> {
            long planned = plannedOf.getOrDefault(sku, 0L);
            long backordered = backorderedOf.getOrDefault(sku, 0L);
            require(planned <= wanted, "never more than ordered", what);
            if (d.decision() != Decision.REJECTED) {
                require(planned + backordered == wanted, "every unit planned or backordered", what);
            }
        });
        require(d.shipFrom().size() <= policy.maxShipments(), "at most maxShipments locations", what);
        Set<String> used = new HashSet<>();
        plannedAt.keySet().forEach(k -> used.add(k.split("/")[0]));
        require(used.equals(new HashSet<>(d.shipFrom())), "ship-from names the planned locations", what);
        switch (d.decision()) {
            case ALLOCATED:
                require(d.backordered().isEmpty(), "ALLOCATED backorders nothing", what);
                break;
            case PARTIAL:
                require(
                        !d.allocations().isEmpty() && !d.backordered().isEmpty() && policy.allowBackorder(),
                        "PARTIAL plans some and backorders some, when allowed",
                        what);
                break;
            case BACKORDERED:
                require(d.allocations().isEmpty() && policy.allowBackorder(), "BACKORDERED plans nothing", what);
                break;
            case REJECTED:
                require(
                        d.allocations().isEmpty() && d.backordered().isEmpty() && !policy.allowBackorder(),
                        "REJECTED plans nothing, and only when backorders are not allowed",
                        what);
                break;
            default:
                throw new IllegalStateException();
        }
        if (policy.shipCompletePreferred()) {
            for (Candidate c : evaluation.ranking()) {
                boolean all = order.lines().entrySet().stream()
                        .allMatch(e -> stock.available(c.location(), e.getKey()) >= e.getValue());
                if (all) {
                    require(
                            d.shipFrom().equals(List.of(c.location())),
                            "the best-ranked location that has every line ships it all",
                            what);
                    break;
                }
            }
        }
        require(!d.reason().isBlank() && d.reason().endsWith("."), "a one-sentence reason", what);
    }

    private static void require(boolean holds, String invariant, Supplier<String> what) {
        if (!holds) throw new AssertionError(invariant + " violated: " + what.get());
    }

    private static RuleSet randomRules(Random random) {
        return RuleSets.smallSet(doc -> {
            ObjectNode split = ((ObjectNode) doc.get("fallback")).putObject("split");
            split.put("ship_complete_preferred", random.nextInt(4) > 0);
            split.put("max_shipments", 1 + random.nextInt(3));
            split.put("allow_backorder", random.nextBoolean());
            ((ObjectNode) doc.get("fallback").get("actions"))
                    .putArray("rank_by")
                    .add(CRITERIA.get(random.nextInt(CRITERIA.size())));
            // Capacity tight enough that locations fill up during the run.
            ((ObjectNode) doc.get("locations").get(0)).put("daily_capacity", 20 + random.nextInt(40));
        });
    }

    private static RoutingRequest randomOrder(Random random, String id) {
        int lines = 1 + random.nextInt(4);
        Object[] skuQuantity = new Object[lines * 2];
        for (int i = 0; i < lines; i++) {
            skuQuantity[2 * i] = SKUS.get(random.nextInt(SKUS.size()));
            skuQuantity[2 * i + 1] = 1 + random.nextInt(4);
        }
        return RuleSets.order(id, skuQuantity);
    }
}
