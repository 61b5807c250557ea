package io.stockflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.ledger.LedgerCommand.Kind;
import io.stockflow.model.MovementType;
import io.stockflow.routing.Candidate;
import io.stockflow.routing.CorrectionPlanner;
import io.stockflow.routing.Criterion;
import io.stockflow.routing.Evaluation;
import io.stockflow.routing.PlannedUnits;
import io.stockflow.routing.RoutingRequest;
import io.stockflow.routing.SplitPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cross-SKU coordination of docs/design/routing.md, without Flink: SKU ledgers hold each line of competing
 * multi-line orders by rank, the assembler plans each order once all its lines answered and sends at most one
 * correction per SKU, the ledgers apply each all-or-nothing. Holds, plans and corrections of all orders interleave in
 * a seeded random order (a failure names its seed). After every step: no location reserves more than on hand less
 * safety stock, and the orders' holds add up to what each position says is reserved. At the end: every order was
 * decided after at most one round, and what it was told (its holds after the round) is what the ledgers hold. Some
 * orders are updated or cancelled at each SKU some time after the hold: a correction that comes later is STALE and
 * changes nothing (only such orders see one), and a cancelled order ends holding nothing. Units a cancel or a
 * correction releases fill waiting backorders; an order is told of each fill (after its decision), so what it was
 * told last is still what the ledgers hold.
 */
class CorrectionLoopPropertyTest {
    private static final List<String> SKUS = List.of("S1", "S2", "S3");
    private static final List<String> LOCATIONS = List.of("L1", "L2", "L3");
    private static final LedgerPolicy POLICY = new LedgerPolicy(0, 0, Duration.ofDays(7));
    private static final AtomicInteger APPLIED = new AtomicInteger();
    private static final AtomicInteger KEPT = new AtomicInteger();
    private static final AtomicInteger STALE = new AtomicInteger();
    private static final AtomicInteger FILLS = new AtomicInteger();

    static Stream<Long> seeds() {
        return LongStream.range(1, 301).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void convergesInOneRoundAndLeaksNoReservation(long seed) throws Exception {
        Random random = new Random(seed);
        Map<String, InMemoryLedgerStore> stores = new LinkedHashMap<>();
        Map<String, Map<String, Long>> safety = new HashMap<>();
        for (String sku : SKUS) {
            InMemoryLedgerStore store = new InMemoryLedgerStore();
            stores.put(sku, store);
            Map<String, Long> perLocation = new HashMap<>();
            for (String location : LOCATIONS) {
                ledger(sku, store)
                        .apply(
                                LedgerCommand.movement(
                                        "m-" + sku + location,
                                        sku,
                                        location,
                                        MovementType.RECEIPT,
                                        random.nextInt(7),
                                        1),
                                1);
                if (random.nextInt(4) == 0) perLocation.put(location, 1L);
            }
            safety.put(sku, perLocation);
        }

        List<Order> orders = new ArrayList<>();
        Map<String, Order> byId = new HashMap<>();
        List<Runnable> pending = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Order order = randomOrder("o" + i, random, safety);
            order.all = byId;
            byId.put(order.id, order);
            orders.add(order);
            for (String sku : order.request.lines().keySet()) pending.add(() -> hold(order, sku, stores, pending));
        }
        Supplier<String> where = () -> "seed " + seed;
        while (!pending.isEmpty()) {
            Runnable step = pending.remove(random.nextInt(pending.size()));
            step.run();
            for (Order o : orders) {
                if (o.offers.size() == o.request.lines().size() && !o.assembled) {
                    o.assembled = true;
                    pending.add(() -> assemble(o, stores, pending));
                }
            }
            checkLedgers(stores, safety, where);
        }

        for (Order o : orders) {
            assertThat(o.decided).as(where.get() + " " + o.id + " decided").isTrue();
            for (String sku : o.request.lines().keySet()) {
                Map<String, Long> held = sorted(ledger(sku, stores.get(sku)).holdsOf(o.id));
                if (o.disturbance == null) {
                    assertThat(held)
                            .as(where.get() + " " + o.id + " " + sku + ": published = held")
                            .isEqualTo(o.published.get(sku));
                } else if (o.disturbance == Kind.CANCEL) {
                    assertThat(held)
                            .as(where.get() + " " + o.id + " " + sku + ": cancelled, holds nothing")
                            .isEmpty();
                }
            }
        }
    }

    @AfterAll
    static void theLoopWasExercised() {
        assertThat(APPLIED.get()).as("corrections applied over all seeds").isPositive();
        assertThat(KEPT.get())
                .as("corrections kept (a competitor took the units first)")
                .isPositive();
        assertThat(STALE.get())
                .as("corrections stale (an update or cancel came first)")
                .isPositive();
        assertThat(FILLS.get()).as("backorders filled by released units").isPositive();
    }

    private static void hold(Order order, String sku, Map<String, InMemoryLedgerStore> stores, List<Runnable> pending) {
        try {
            SkuLedger ledger = ledger(sku, stores.get(sku));
            LedgerCommand c = LedgerCommand.forOrder(
                    Kind.RESERVE,
                    order.decisionId,
                    order.id,
                    "shop",
                    sku,
                    order.request.lines().get(sku),
                    2);
            c.decision = true;
            c.route = order.route;
            tell(order.all, ledger.apply(c, 2));
            Map<String, Long> held = new TreeMap<>();
            for (Allocation a : ledger.holdsOf(order.id)) held.merge(a.location, a.quantity, Long::sum);
            Map<String, Long> free = new TreeMap<>();
            for (String location : order.route.candidates) {
                free.put(location, ledger.freeFor(order.id, location, order.route.safetyStock(location, sku)));
            }
            order.offers.add(new CorrectionPlanner.LineOffer(sku, held, free));
            // The order's update or cancel reaches this SKU's ledger after the hold (the gate sends them in order),
            // at any time relative to the assembly and the correction.
            if (order.disturbance != null) pending.add(() -> disturb(order, sku, stores));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An UPDATED order (one unit more, not a new allocation decision) or its cancellation, at one SKU. */
    private static void disturb(Order order, String sku, Map<String, InMemoryLedgerStore> stores) {
        try {
            LedgerCommand c = LedgerCommand.forOrder(
                    order.disturbance,
                    order.id + ":" + order.disturbance,
                    order.id,
                    "shop",
                    sku,
                    order.disturbance == Kind.CANCEL ? 0 : order.request.lines().get(sku) + 1,
                    4);
            c.route = order.disturbance == Kind.RESERVE ? order.route : null;
            tell(order.all, ledger(sku, stores.get(sku)).apply(c, 4));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assemble(Order order, Map<String, InMemoryLedgerStore> stores, List<Runnable> pending) {
        CorrectionPlanner.Plan plan = CorrectionPlanner.plan(order.request, order.evaluation, order.offers);
        for (CorrectionPlanner.LineOffer offer : order.offers) {
            if (!plan.corrections().containsKey(offer.sku())) order.published.put(offer.sku(), sorted(offer.held()));
        }
        order.waiting = plan.corrections().size();
        if (order.waiting == 0) decided(order);
        plan.corrections().forEach((sku, targets) -> pending.add(() -> correct(order, sku, targets, stores)));
    }

    private static void correct(
            Order order, String sku, List<PlannedUnits> targets, Map<String, InMemoryLedgerStore> stores) {
        try {
            List<Allocation> allocations = new ArrayList<>();
            for (PlannedUnits u : targets) allocations.add(new Allocation(u.location(), u.quantity()));
            Map<String, Long> ruleSafety = new HashMap<>();
            for (String location : order.route.candidates)
                ruleSafety.put(location, order.route.safetyStock(location, sku));
            HoldCorrection result =
                    ledger(sku, stores.get(sku)).correct(order.id, order.decisionId, allocations, ruleSafety, 3, 3);
            if (result.outcome() == HoldCorrection.Outcome.STALE) {
                assertThat(order.disturbance)
                        .as(order.id + ": stale only after an update or cancel")
                        .isNotNull();
                STALE.incrementAndGet();
            } else {
                (result.outcome() == HoldCorrection.Outcome.APPLIED ? APPLIED : KEPT).incrementAndGet();
            }
            Map<String, Long> held = new TreeMap<>();
            for (Allocation a : result.holds()) held.merge(a.location, a.quantity, Long::sum);
            order.published.put(sku, sorted(held));
            // The answer comes after any fill of this SKU that waits: it is the newer word on it.
            order.pendingFills.remove(sku);
            tell(order.all, result.effects());
            if (--order.waiting == 0) decided(order);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Backorders a ledger step filled, told as the assembler tells them: a later decision of an order already
     * decided, else after its decision.
     */
    private static void tell(Map<String, Order> orders, LedgerEffects effects) {
        for (LineAllocation fill : effects.fills) {
            Order o = orders.get(fill.orderId);
            Map<String, Long> held = new TreeMap<>();
            for (Allocation a : fill.allocations) held.merge(a.location, a.quantity, Long::sum);
            if (o.decided) o.published.put(fill.sku, held);
            else o.pendingFills.put(fill.sku, held);
            FILLS.incrementAndGet();
        }
    }

    private static void decided(Order order) {
        order.decided = true;
        order.published.putAll(order.pendingFills);
        order.pendingFills.clear();
    }

    private static void checkLedgers(
            Map<String, InMemoryLedgerStore> stores, Map<String, Map<String, Long>> safety, Supplier<String> where) {
        stores.forEach((sku, store) -> {
            Map<String, Long> held = new HashMap<>();
            for (Map.Entry<String, OrderHold> e : store.holds()) {
                for (Allocation a : e.getValue().holds) held.merge(a.location, a.quantity, Long::sum);
            }
            for (Map.Entry<String, Position> e : store.positions()) {
                if (e.getKey().equals(SkuLedger.ALL_LOCATIONS)) continue;
                Position p = e.getValue();
                long keep = safety.get(sku).getOrDefault(e.getKey(), 0L);
                assertThat(p.reserved)
                        .as(where.get() + " " + sku + "@" + e.getKey() + " reserved ≤ on hand − safety")
                        .isLessThanOrEqualTo(Math.max(0, p.onHand - keep));
                assertThat(held.getOrDefault(e.getKey(), 0L))
                        .as(where.get() + " " + sku + "@" + e.getKey() + " holds add up to reserved")
                        .isEqualTo(p.reserved);
            }
        });
    }

    private static Order randomOrder(String id, Random random, Map<String, Map<String, Long>> safety) {
        List<String> skus = new ArrayList<>(SKUS);
        Collections.shuffle(skus, random);
        Map<String, Long> lines = new LinkedHashMap<>();
        for (String sku : skus.subList(0, 1 + random.nextInt(3))) lines.put(sku, 1L + random.nextInt(4));
        List<String> ranked = new ArrayList<>(LOCATIONS);
        Collections.shuffle(ranked, random);
        List<Candidate> candidates = new ArrayList<>();
        for (int r = 0; r < ranked.size(); r++) {
            candidates.add(
                    new Candidate(ranked.get(r), r + 1, -1, BigDecimal.valueOf(r + 1), 1 + r, null, null, null, false));
        }
        SplitPolicy split = new SplitPolicy(random.nextBoolean(), 1 + random.nextInt(3), random.nextInt(4) > 0);
        Order o = new Order();
        o.id = id;
        o.decisionId = id + ":placed";
        int disturb = random.nextInt(6);
        o.disturbance = disturb == 0 ? Kind.RESERVE : disturb == 1 ? Kind.CANCEL : null;
        o.request = new RoutingRequest(id, "shop", "US", null, null, null, null, null, lines, 2);
        o.evaluation = new Evaluation(
                "v1", "r", false, List.of("r"), List.of(Criterion.COST), "STANDARD", "Z", candidates, List.of(), split);
        o.route = new RoutePlan();
        o.route.ruleSetVersion = "v1";
        o.route.candidates.addAll(ranked);
        o.route.maxShipments = split.maxShipments();
        o.route.allowBackorder = split.allowBackorder();
        safety.forEach((sku, perLocation) ->
                perLocation.forEach((location, units) -> o.route.safetyStock.put(location + "|" + sku, units)));
        return o;
    }

    private static Map<String, Long> sorted(Map<String, Long> held) {
        Map<String, Long> result = new TreeMap<>();
        held.forEach((k, v) -> {
            if (v > 0) result.merge(k, v, Long::sum);
        });
        return result;
    }

    private static Map<String, Long> sorted(List<Allocation> holds) {
        Map<String, Long> result = new TreeMap<>();
        for (Allocation a : holds) if (a.quantity > 0) result.merge(a.location, a.quantity, Long::sum);
        return result;
    }

    private static SkuLedger ledger(String sku, InMemoryLedgerStore store) {
        return new SkuLedger(sku, store, POLICY);
    }

    private static final class Order {
        String id;
        String decisionId;
        RoutingRequest request;
        Evaluation evaluation;
        RoutePlan route;
        final List<CorrectionPlanner.LineOffer> offers = new ArrayList<>();
        final Map<String, Map<String, Long>> published = new HashMap<>();
        /** Fills that came before the order was decided, by SKU (each says all the SKU holds: the last wins). */
        final Map<String, Map<String, Long>> pendingFills = new LinkedHashMap<>();

        Map<String, Order> all;
        /** RESERVE (an update) or CANCEL arriving at each SKU some time after its hold; null for none. */
        Kind disturbance;

        boolean assembled;
        boolean decided;
        int waiting;
    }
}
