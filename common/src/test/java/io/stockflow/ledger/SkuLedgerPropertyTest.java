package io.stockflow.ledger;

import static io.stockflow.ledger.LedgerHarness.alertsOfType;
import static io.stockflow.ledger.SkuLedger.ALL_LOCATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.alert.Alert;
import io.stockflow.model.MovementType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random histories of receipts, orders, cancels, shipments and refunds over several locations (seeded, so a failure
 * can be replayed), with the ledger's invariants checked after every step.
 */
class SkuLedgerPropertyTest {
    private static final List<String> LOCATIONS = List.of("W1", "W2", "W3", "W4");
    private static final long THRESHOLD = 4;
    private static final int STEPS = 400;

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 30).boxed();
    }

    // ------------------------------------------------------------------ invariants after every step

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void invariantsHoldAfterEveryStepOfARandomHistory(long seed) {
        Random random = new Random(seed);
        long safetyStock = seed % 3;
        LedgerHarness h = new LedgerHarness(LedgerHarness.policy(THRESHOLD, safetyStock), seed % 2 == 0);
        Map<String, Long> expectedOnHand = new HashMap<>();
        List<String> orders = new ArrayList<>();
        int nextOrder = 0;

        for (int step = 0; step < STEPS; step++) {
            Map<String, Position> before = snapshot(h);
            Map<String, OrderHold> holdsBefore = holdSnapshot(h);
            LedgerCommand command;
            int roll = random.nextInt(100);
            if (roll < 22) {
                command = randomMovement(h, random, expectedOnHand);
            } else if (roll < 50 || orders.isEmpty()) {
                String orderId = random.nextInt(10) == 0 ? "early-" + nextOrder : "o" + nextOrder;
                nextOrder++;
                orders.add(orderId);
                command = orderId.startsWith("early-")
                        ? h.orderCommand(LedgerCommand.Kind.CANCEL, orderId, 0) // its RESERVE comes later
                        : h.reserveCommand(orderId, 1 + random.nextInt(8));
            } else if (roll < 62) {
                command = h.reserveCommand(pick(random, orders), random.nextInt(11));
            } else if (roll < 70) {
                command = h.orderCommand(LedgerCommand.Kind.CANCEL, pick(random, orders), 0);
            } else if (roll < 93) {
                String orderId = pick(random, orders);
                OrderHold hold = holdsBefore.get(orderId);
                command = h.orderCommand(LedgerCommand.Kind.SHIP, orderId, 0);
                command.location = hold != null && !hold.holds.isEmpty() && random.nextInt(4) > 0
                        ? hold.holds.get(random.nextInt(hold.holds.size())).location
                        : pick(random, LOCATIONS);
                long owed = hold == null ? 3 : Math.max(1, hold.ordered - hold.shipped);
                command.quantity = 1 + random.nextInt((int) Math.min(owed, 6));
                expectedOnHand.merge(command.location, -command.quantity, Long::sum);
            } else {
                String orderId = pick(random, orders);
                command = h.orderCommand(LedgerCommand.Kind.REFUND, orderId, 1 + random.nextInt(4));
                command.restock = random.nextBoolean();
                command.location = random.nextBoolean() ? pick(random, LOCATIONS) : null;
            }

            LedgerEffects effects = h.apply(command);

            String context = "seed " + seed + ", step " + step + ": " + command;
            if (command.kind == LedgerCommand.Kind.REFUND) {
                acceptRefundReturn(h, command, holdsBefore.get(command.orderId), before, expectedOnHand, context);
            }
            checkInvariants(h, command, effects, before, holdsBefore, expectedOnHand, context);
        }
    }

    private static LedgerCommand randomMovement(LedgerHarness h, Random random, Map<String, Long> expectedOnHand) {
        String location = pick(random, LOCATIONS);
        MovementType type = MovementType.values()[random.nextInt(MovementType.values().length)];
        if (random.nextInt(3) == 0) type = MovementType.RECEIPT; // keep some stock around
        long quantity;
        long onHand = expectedOnHand.getOrDefault(location, 0L);
        switch (type.sign) {
            case SIGNED:
                quantity = random.nextInt(11) - 5;
                expectedOnHand.put(location, onHand + quantity);
                break;
            case ABSOLUTE:
                quantity = random.nextInt(16);
                expectedOnHand.put(location, quantity);
                break;
            case NEGATIVE:
                quantity = 1 + random.nextInt(4);
                expectedOnHand.put(location, onHand - quantity);
                break;
            default:
                quantity = 1 + random.nextInt(12);
                expectedOnHand.put(location, onHand + quantity);
        }
        return LedgerCommand.movement("m-" + h.tick(), LedgerHarness.SKU, location, type, quantity, h.tick());
    }

    /** A restocking refund returns at most its quantity, at one location, and never units the order did not ship. */
    private static void acceptRefundReturn(
            LedgerHarness h,
            LedgerCommand refund,
            OrderHold holdBefore,
            Map<String, Position> before,
            Map<String, Long> expectedOnHand,
            String context) {
        long returned = 0;
        Set<String> where = new HashSet<>();
        for (String location : h.store.locations()) {
            long delta = h.onHand(location) - onHandOf(before.get(location));
            if (delta != 0) {
                where.add(location);
                returned += delta;
                expectedOnHand.merge(location, delta, Long::sum);
            }
        }
        assertThat(where).as(context).hasSizeLessThanOrEqualTo(1);
        assertThat(returned).as(context).isBetween(0L, refund.restock ? refund.quantity : 0L);
        if (holdBefore != null && holdBefore.placed) {
            assertThat(returned).as(context + " returns no more than shipped").isLessThanOrEqualTo(holdBefore.shipped);
        }
        if (returned > 0) {
            String expectedLocation =
                    refund.location != null ? refund.location : holdBefore == null ? null : holdBefore.lastShipLocation;
            assertThat(where).as(context).containsExactly(expectedLocation);
        }
    }

    private static void checkInvariants(
            LedgerHarness h,
            LedgerCommand command,
            LedgerEffects effects,
            Map<String, Position> before,
            Map<String, OrderHold> holdsBefore,
            Map<String, Long> expectedOnHand,
            String context) {
        SoftAssertions soft = new SoftAssertions();
        Map<String, Position> after = snapshot(h);

        // reserved at each location is what the orders hold there, never negative
        Map<String, Long> heldAt = new HashMap<>();
        for (Map.Entry<String, OrderHold> e : h.store.holds()) {
            OrderHold hold = e.getValue();
            Set<String> seen = new HashSet<>();
            long held = 0;
            for (Allocation a : hold.holds) {
                soft.assertThat(a.quantity)
                        .as(context + " hold of " + e.getKey())
                        .isPositive();
                soft.assertThat(seen.add(a.location))
                        .as(context + " one entry per location in " + e.getKey())
                        .isTrue();
                heldAt.merge(a.location, a.quantity, Long::sum);
                held += a.quantity;
            }
            long outstanding = Math.max(0, hold.ordered - hold.shipped);
            if (hold.cancelled || !hold.placed)
                soft.assertThat(held)
                        .as(context + " " + e.getKey() + " holds nothing")
                        .isZero();
            soft.assertThat(held + hold.backordered)
                    .as(context + " " + e.getKey() + " held+backordered ≤ owed")
                    .isLessThanOrEqualTo(outstanding);
            soft.assertThat(hold.backordered).as(context).isNotNegative();
        }
        long onHandSum = 0, reservedSum = 0, safetySum = 0;
        for (String location : h.store.locations()) {
            Position p = after.get(location);
            soft.assertThat(p.reserved)
                    .as(context + " reserved at " + location)
                    .isEqualTo(heldAt.getOrDefault(location, 0L))
                    .isNotNegative();
            soft.assertThat(p.onHand)
                    .as(context + " on hand at " + location)
                    .isEqualTo(expectedOnHand.getOrDefault(location, 0L));
            soft.assertThat(p.safetyStock).as(context).isEqualTo(h.policy.safetyStock);
            onHandSum += p.onHand;
            reservedSum += p.reserved;
            safetySum += p.safetyStock;
        }
        for (String location : heldAt.keySet()) {
            soft.assertThat(after).as(context + " held at a known location").containsKey(location);
        }

        // "*" is the sum of the locations
        Position total = after.get(ALL_LOCATIONS);
        if (total != null) {
            soft.assertThat(total.onHand).as(context + " * on hand").isEqualTo(onHandSum);
            soft.assertThat(total.reserved).as(context + " * reserved").isEqualTo(reservedSum);
            soft.assertThat(total.safetyStock).as(context + " * safety").isEqualTo(safetySum);
        } else {
            soft.assertThat(h.store.locations()).as(context).isEmpty();
        }

        // never oversold: a reserve takes at most what each location had available
        if (command.kind == LedgerCommand.Kind.RESERVE) {
            for (String location : h.store.locations()) {
                long grew = after.get(location).reserved - reservedOf(before.get(location));
                if (grew > 0) {
                    soft.assertThat(grew)
                            .as(context + " reserved at " + location + " within what was available")
                            .isLessThanOrEqualTo(availableOf(before.get(location)));
                    soft.assertThat(after.get(location).onHand
                                    - after.get(location).reserved
                                    - after.get(location).safetyStock)
                            .as(context + " nothing oversold at " + location)
                            .isNotNegative();
                }
            }
            checkLine(soft, h, command, effects, holdsBefore.get(command.orderId), context);
        } else {
            soft.assertThat(effects.line).as(context).isNull();
            soft.assertThat(alertsOfType(effects, "OVERSELL")).as(context).isEmpty();
            Map<String, Long> filledAt = new HashMap<>();
            for (LineAllocation fill : effects.fills) {
                for (Allocation a : fill.fill) filledAt.merge(a.location, a.quantity, Long::sum);
            }
            for (String location : h.store.locations()) {
                soft.assertThat(after.get(location).reserved)
                        .as(context + " besides RESERVE, only backorder fills raise reserved at " + location)
                        .isLessThanOrEqualTo(reservedOf(before.get(location)) + filledAt.getOrDefault(location, 0L));
                if (filledAt.containsKey(location)) {
                    soft.assertThat(after.get(location).onHand
                                    - after.get(location).reserved
                                    - after.get(location).safetyStock)
                            .as(context + " a fill oversells nothing at " + location)
                            .isNotNegative();
                }
            }
        }
        checkFills(soft, h, effects, holdsBefore, context);

        // the queue holds exactly the open orders with backordered units, and never waits beside available stock
        Set<String> owed = new HashSet<>();
        for (Map.Entry<String, OrderHold> e : h.store.holds()) {
            if (e.getValue().backordered > 0 && !e.getValue().cancelled) owed.add(e.getKey());
        }
        soft.assertThat(new HashSet<>(h.store.waiting()))
                .as(context + " queue = backordered orders")
                .isEqualTo(owed);
        if (!owed.isEmpty()) {
            long available = 0;
            for (String location : h.store.locations())
                available += after.get(location).available();
            soft.assertThat(available)
                    .as(context + " backorders wait only while nothing is available")
                    .isZero();
        }

        // one update per changed position, its version one above the last, nothing for the unchanged
        Set<String> updated = new HashSet<>();
        for (AvailabilityUpdate u : effects.availability) {
            soft.assertThat(updated.add(u.location))
                    .as(context + " one update for " + u.location)
                    .isTrue();
            Position was = before.get(u.location);
            Position now = after.get(u.location);
            soft.assertThat(u.version).as(context + " version of " + u.location).isEqualTo(versionOf(was) + 1);
            soft.assertThat(u.onHand).isEqualTo(now.onHand);
            soft.assertThat(u.reserved).isEqualTo(now.reserved);
            soft.assertThat(u.safetyStock).isEqualTo(now.safetyStock);
            soft.assertThat(u.available).isEqualTo(now.available()).isNotNegative();
            soft.assertThat(u.version).isEqualTo(now.version);
            soft.assertThat(u.asOf).isEqualTo(command.eventTime);
        }
        Set<String> everywhere = new HashSet<>(after.keySet());
        everywhere.addAll(before.keySet());
        for (String location : everywhere) {
            Position was = before.get(location);
            Position now = after.get(location);
            boolean changed = was == null
                    || now == null
                    || was.onHand != now.onHand
                    || was.reserved != now.reserved
                    || was.safetyStock != now.safetyStock;
            soft.assertThat(updated.contains(location))
                    .as(context + " update for " + location + " iff it changed")
                    .isEqualTo(changed);
            if (!changed) soft.assertThat(now.version).as(context).isEqualTo(was.version);
        }

        // LOW_STOCK exactly where available crossed below the threshold
        Set<String> lowAt = new HashSet<>();
        for (Alert a : alertsOfType(effects, "LOW_STOCK")) lowAt.add(a.location);
        for (String location : everywhere) {
            boolean crossed =
                    availableOf(before.get(location)) >= THRESHOLD && availableOf(after.get(location)) < THRESHOLD;
            soft.assertThat(lowAt.contains(location))
                    .as(context + " LOW_STOCK at " + location)
                    .isEqualTo(crossed);
        }
        soft.assertAll();
    }

    /** Each fill moved units of one order from backordered to held, oldest waiting order first. */
    private static void checkFills(
            SoftAssertions soft,
            LedgerHarness h,
            LedgerEffects effects,
            Map<String, OrderHold> holdsBefore,
            String context) {
        for (LineAllocation fill : effects.fills) {
            OrderHold was = holdsBefore.get(fill.orderId);
            OrderHold now = h.hold(fill.orderId);
            long got = fill.fill.stream().mapToLong(a -> a.quantity).sum();
            soft.assertThat(got).as(context + " fill of " + fill.orderId).isPositive();
            // The command's own order (a shipment from elsewhere) may owe less than before, never more.
            soft.assertThat(now.backordered)
                    .as(context + " fill of " + fill.orderId + " leaves the rest backordered")
                    .isLessThanOrEqualTo(was.backordered - got)
                    .isEqualTo(fill.backordered);
            soft.assertThat(fill.allocations)
                    .as(context)
                    .usingRecursiveFieldByFieldElementComparator()
                    .containsExactlyInAnyOrderElementsOf(now.holds);
        }
    }

    private static void checkLine(
            SoftAssertions soft,
            LedgerHarness h,
            LedgerCommand command,
            LedgerEffects effects,
            OrderHold holdBefore,
            String context) {
        LineAllocation line = effects.line;
        soft.assertThat(line).as(context).isNotNull();
        if (line == null) return;
        OrderHold hold = h.hold(command.orderId);
        if (holdBefore != null && holdBefore.cancelled) {
            soft.assertThat(line.allocations).as(context).isEmpty();
            soft.assertThat(line.reason).as(context).isNotNull();
            soft.assertThat(effects.availability).as(context).isEmpty();
            return;
        }
        long shipped = holdBefore == null ? 0 : holdBefore.shipped;
        long allocated = line.allocations.stream().mapToLong(a -> a.quantity).sum();
        soft.assertThat(allocated + line.backordered)
                .as(context + " line covers what is owed")
                .isEqualTo(Math.max(0, command.quantity - shipped));
        soft.assertThat(line.allocations).as(context).isEqualTo(hold.holds);
        soft.assertThat(line.reason == null)
                .as(context + " reason iff backordered")
                .isEqualTo(line.backordered == 0);
        soft.assertThat(alertsOfType(effects, "OVERSELL").size())
                .as(context + " OVERSELL iff backordered")
                .isEqualTo(line.backordered > 0 ? 1 : 0);
    }

    // ------------------------------------------------------------------ same totals whatever the order of events

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void eachOrdersEventsInAnyOrderEndInTheSameTotals(long seed) {
        Random random = new Random(seed * 7919);
        List<List<LedgerCommandSpec>> orders = new ArrayList<>();
        long demand = 0;
        int orderCount = 8 + random.nextInt(12);
        for (int o = 0; o < orderCount; o++) {
            String orderId = "o" + o;
            long quantity = 1 + random.nextInt(6);
            demand += quantity;
            List<LedgerCommandSpec> events = new ArrayList<>();
            events.add(LedgerCommandSpec.reserve(orderId, quantity));
            if (random.nextInt(4) == 0) events.add(LedgerCommandSpec.reserve(orderId, quantity)); // a retried delivery
            if (random.nextBoolean()) {
                long left = random.nextBoolean() ? quantity : random.nextInt((int) quantity + 1);
                while (left > 0) {
                    long part = 1 + random.nextInt((int) left);
                    events.add(LedgerCommandSpec.ship(orderId, pick(random, LOCATIONS), part));
                    left -= part;
                }
            }
            if (random.nextInt(3) == 0)
                events.add(1 + random.nextInt(events.size()), LedgerCommandSpec.cancel(orderId));
            orders.add(events);
        }
        // the interleaving of orders (and a few extra receipts) is the same in both runs: -1 is a receipt
        List<Integer> slots = new ArrayList<>();
        for (int o = 0; o < orders.size(); o++)
            for (int i = 0; i < orders.get(o).size(); i++) slots.add(o);
        for (int r = 0; r < 5; r++) slots.add(-1);
        Collections.shuffle(slots, random);
        List<List<LedgerCommandSpec>> shuffled = new ArrayList<>();
        for (List<LedgerCommandSpec> events : orders) {
            List<LedgerCommandSpec> copy = new ArrayList<>(events);
            Collections.shuffle(copy, random);
            shuffled.add(copy);
        }
        long stockPerLocation = demand + 1; // enough that no order is ever short

        Run inOrder = run(orders, slots, stockPerLocation, true);
        Run outOfOrder = run(shuffled, slots, stockPerLocation, seed % 2 == 0);

        long expectedOnHand = LOCATIONS.size() * stockPerLocation + 5 * 3;
        long expectedReserved = 0;
        for (List<LedgerCommandSpec> events : orders) {
            boolean cancelled = events.stream().anyMatch(e -> e.kind == LedgerCommand.Kind.CANCEL);
            long shipped = events.stream()
                    .filter(e -> e.kind == LedgerCommand.Kind.SHIP)
                    .mapToLong(e -> e.quantity)
                    .sum();
            expectedOnHand -= shipped;
            if (!cancelled) expectedReserved += Math.max(0, events.get(0).quantity - shipped);
        }
        String context = "seed " + seed + ", orders " + orders + ", shuffled " + shuffled;
        assertThat(inOrder.oversells).as(context).isZero();
        assertThat(outOfOrder.oversells).as(context).isZero();
        assertThat(outOfOrder.total.onHand)
                .as(context)
                .isEqualTo(inOrder.total.onHand)
                .isEqualTo(expectedOnHand);
        assertThat(outOfOrder.total.reserved)
                .as(context)
                .isEqualTo(inOrder.total.reserved)
                .isEqualTo(expectedReserved);
        assertThat(outOfOrder.heldByOrder).as(context).isEqualTo(inOrder.heldByOrder);
    }

    private static Run run(
            List<List<LedgerCommandSpec>> orders, List<Integer> slots, long stockPerLocation, boolean copyingStore) {
        LedgerHarness h = new LedgerHarness(LedgerHarness.policy(THRESHOLD, 0), copyingStore);
        for (String location : LOCATIONS) h.receive(location, stockPerLocation);
        int[] next = new int[orders.size()];
        int receipts = 0;
        Run run = new Run();
        for (int slot : slots) {
            LedgerEffects effects;
            if (slot < 0) {
                effects = h.receive(LOCATIONS.get(receipts++ % LOCATIONS.size()), 3);
            } else {
                effects = h.apply(orders.get(slot).get(next[slot]++).toCommand(h));
            }
            run.oversells += alertsOfType(effects, "OVERSELL").size();
        }
        run.total = h.total();
        for (int o = 0; o < orders.size(); o++) {
            OrderHold hold = h.hold("o" + o);
            run.heldByOrder.put("o" + o, hold == null ? 0 : hold.held());
        }
        long reserved = 0;
        for (String location : h.store.locations()) reserved += h.reserved(location);
        assertThat(reserved).isEqualTo(run.total.reserved);
        return run;
    }

    private static final class Run {
        Position total;
        int oversells;
        final Map<String, Long> heldByOrder = new HashMap<>();
    }

    /** An order event without its time and id, so the same event can be applied in two runs. */
    private static final class LedgerCommandSpec {
        final LedgerCommand.Kind kind;
        final String orderId;
        final String location;
        final long quantity;

        private LedgerCommandSpec(LedgerCommand.Kind kind, String orderId, String location, long quantity) {
            this.kind = kind;
            this.orderId = orderId;
            this.location = location;
            this.quantity = quantity;
        }

        static LedgerCommandSpec reserve(String orderId, long quantity) {
            return new LedgerCommandSpec(LedgerCommand.Kind.RESERVE, orderId, null, quantity);
        }

        static LedgerCommandSpec ship(String orderId, String location, long quantity) {
            return new LedgerCommandSpec(LedgerCommand.Kind.SHIP, orderId, location, quantity);
        }

        static LedgerCommandSpec cancel(String orderId) {
            return new LedgerCommandSpec(LedgerCommand.Kind.CANCEL, orderId, null, 0);
        }

        LedgerCommand toCommand(LedgerHarness h) {
            LedgerCommand c = kind == LedgerCommand.Kind.RESERVE
                    ? h.reserveCommand(orderId, quantity)
                    : h.orderCommand(kind, orderId, quantity);
            c.location = location;
            return c;
        }

        @Override
        public String toString() {
            return kind + (quantity > 0 ? " " + quantity : "") + (location != null ? "@" + location : "");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static Map<String, Position> snapshot(LedgerHarness h) {
        Map<String, Position> positions = new HashMap<>();
        for (Map.Entry<String, Position> e : h.store.positions())
            positions.put(e.getKey(), e.getValue().copy());
        return positions;
    }

    private static Map<String, OrderHold> holdSnapshot(LedgerHarness h) {
        InMemoryLedgerStore copier = new InMemoryLedgerStore(true);
        Map<String, OrderHold> holds = new HashMap<>();
        for (Map.Entry<String, OrderHold> e : h.store.holds()) {
            copier.putHold(e.getKey(), e.getValue());
            holds.put(e.getKey(), copier.hold(e.getKey()));
        }
        return holds;
    }

    private static long onHandOf(Position p) {
        return p == null ? 0 : p.onHand;
    }

    private static long reservedOf(Position p) {
        return p == null ? 0 : p.reserved;
    }

    private static long availableOf(Position p) {
        return p == null ? 0 : p.available();
    }

    private static long versionOf(Position p) {
        return p == null ? 0 : p.version;
    }
}
