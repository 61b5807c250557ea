package io.stockflow.ledger;

import io.stockflow.alert.Alert;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stock ledger of one SKU: positions per location, the reservations each order holds, and what every command
 * changes. Pure arithmetic over a {@link LedgerStore}; the Flink function around it only loads and stores state.
 *
 * <p>Rules:
 * <ul>
 *   <li>RESERVE sets what the order asks for; the ledger reserves the difference to what it already holds (placing
 *       new units with {@link DefaultAllocator} over every location but the marketplace-held ones, or at the
 *       command's location when it names one) or releases the surplus. Units no location has are backordered.</li>
 *   <li>CANCEL releases everything the order holds and remembers the cancellation, so a RESERVE that arrives after
 *       its cancel reserves nothing.</li>
 *   <li>SHIP takes the units from on-hand where they shipped, and consumes the order's reservation, at that location
 *       first, then wherever else it was held (warehouses do ship from elsewhere).</li>
 *   <li>REFUND with restock releases units still reserved (the items never left); once nothing is held it returns
 *       them to on-hand at the refund's location, or where the order last shipped from. Of an order it knows, it
 *       returns at most what the order shipped; units refunded beyond that were backordered and are no longer
 *       owed.</li>
 *   <li>An order with backordered units waits in the SKU's backorder queue (at most
 *       {@link LedgerPolicy#maxBackorders} orders), placed by its order time. Whenever a command makes units
 *       available at some location (a receipt, a restock, a transfer in, a count that goes up, a release), the
 *       queue is filled first, oldest order first, each as far as the stock goes and its rule set allows, before the
 *       command's availability is published: what channels see already has the filled backorders reserved.</li>
 * </ul>
 * A settled order (cancelled or fully shipped) is forgotten {@link LedgerPolicy#settledRetention} after it settled.
 */
public final class SkuLedger {
    public static final String ALL_LOCATIONS = "*";

    private final String sku;
    private final LedgerStore store;
    private final LedgerPolicy policy;
    /** Positions touched by the current command: location → {before, current}. */
    private final Map<String, Position[]> touched = new LinkedHashMap<>();

    private LedgerEffects effects;

    public SkuLedger(String sku, LedgerStore store, LedgerPolicy policy) {
        this.sku = sku;
        this.store = store;
        this.policy = policy;
    }

    /**
     * Applies one command and returns what it changed. {@code detectedAt} stamps the alerts it raises.
     */
    public LedgerEffects apply(LedgerCommand command, long detectedAt) throws Exception {
        touched.clear();
        effects = new LedgerEffects();
        switch (command.kind) {
            case MOVEMENT:
                applyMovement(command, detectedAt);
                break;
            case RESERVE:
                reserve(command, detectedAt);
                break;
            case CANCEL:
                cancel(command);
                break;
            case SHIP:
                ship(command);
                break;
            case REFUND:
                refund(command);
                break;
            default:
                throw new IllegalArgumentException("unknown command " + command.kind);
        }
        fillBackorders(null, command.eventId, cause(command), command.eventTime, detectedAt);
        commit(command.eventTime, detectedAt);
        if (effects.line != null && command.route != null && command.lineCount > 1) offer(effects.line, command.route);
        return effects;
    }

    /** What every candidate has free for the line's order after its hold: the assembler plans the order on it. */
    private void offer(LineAllocation line, RoutePlan route) throws Exception {
        OrderHold hold = holdOf(line.orderId);
        line.free = new LinkedHashMap<>();
        for (String location : route.candidates) {
            line.free.put(location, freeFor(hold, location, route.safetyStock(location, sku)));
        }
    }

    /**
     * Applies a correction of the assembler ({@link #correct}) and answers it: {@link LedgerEffects#line} carries the
     * outcome, the holds it left and, when they did not move, why.
     */
    public LedgerEffects apply(LineCorrection c, long detectedAt) throws Exception {
        HoldCorrection result = correct(
                c.orderId, c.decisionId, c.targets, c.ruleSafety, c.rejected, c.candidates, c.eventTime, detectedAt);
        LineAllocation answer = new LineAllocation();
        answer.orderId = c.orderId;
        answer.eventId = c.decisionId;
        answer.sku = sku;
        answer.eventTime = c.eventTime;
        answer.correction = result.outcome();
        answer.allocations.addAll(result.holds());
        OrderHold hold = store.hold(c.orderId);
        answer.backordered = hold == null ? 0 : hold.backordered;
        if (result.outcome() == HoldCorrection.Outcome.KEPT) {
            answer.reason =
                    sku + " stayed " + where(result.holds()) + ": " + shortTarget(hold, c.targets, c.ruleSafety);
        } else if (result.outcome() == HoldCorrection.Outcome.STALE) {
            String why = hold == null
                    ? "the ledger no longer knows the order"
                    : hold.cancelled
                            ? "the order was cancelled first"
                            : hold.shipped > 0 ? "the order shipped first" : "the order was updated first";
            answer.reason = sku + " was not moved: " + why;
        }
        result.effects().line = answer;
        return result.effects();
    }

    private static String where(List<Allocation> holds) {
        if (holds.isEmpty()) return "unreserved";
        List<String> at = new ArrayList<>();
        for (Allocation a : holds) at.add(a.location);
        return "at " + String.join(", ", at);
    }

    /**
     * Moves an order's holds of this SKU to {@code targets}, all or nothing: applied only when {@code decisionId} is
     * still the order's decision, nothing of it shipped yet, and every target location has the units (free for this order: what it holds there
     * plus what is available, less the rule set's {@code ruleSafety} per location); otherwise nothing changes. Without
     * targets it releases the order's holds of this SKU and nothing is owed.
     */
    public HoldCorrection correct(
            String orderId,
            String decisionId,
            List<Allocation> targets,
            Map<String, Long> ruleSafety,
            long eventTime,
            long detectedAt)
            throws Exception {
        return correct(orderId, decisionId, targets, ruleSafety, targets.isEmpty(), List.of(), eventTime, detectedAt);
    }

    /**
     * As above; {@code rejected}: the plan rejects the order, so nothing of this SKU is owed after the move (else what
     * the targets leave is backordered, to be filled at the targets or else at {@code candidates}, best first).
     */
    public HoldCorrection correct(
            String orderId,
            String decisionId,
            List<Allocation> targets,
            Map<String, Long> ruleSafety,
            boolean rejected,
            List<String> candidates,
            long eventTime,
            long detectedAt)
            throws Exception {
        touched.clear();
        effects = new LedgerEffects();
        OrderHold hold = store.hold(orderId);
        // A shipment that came first took units from the holds the plan would move: moving them now would reserve
        // again what already left.
        if (hold == null || hold.cancelled || hold.shipped > 0 || !decisionId.equals(hold.decisionId)) {
            return new HoldCorrection(
                    HoldCorrection.Outcome.STALE, hold == null ? List.of() : copy(hold.holds), effects);
        }
        for (Allocation t : targets) {
            if (t.quantity > freeFor(hold, t.location, ruleSafety.getOrDefault(t.location, 0L))) {
                return new HoldCorrection(HoldCorrection.Outcome.KEPT, copy(hold.holds), effects);
            }
        }
        release(hold, hold.held());
        long placed = 0;
        for (Allocation t : targets) {
            if (t.quantity <= 0) continue;
            touch(t.location).reserved += t.quantity;
            addHold(hold, t.location, t.quantity);
            placed += t.quantity;
        }
        long outstanding = Math.max(0, hold.ordered - hold.shipped);
        long backorderedBefore = hold.backordered;
        // A plan may backorder a SKU the order held elsewhere (to keep to its split): those units are still owed.
        hold.backordered = rejected ? 0 : Math.max(0, outstanding - placed);
        markSettlement(hold, eventTime);
        store.putHold(orderId, hold);
        if (backorderedBefore > 0 || hold.backordered > 0) {
            keepInQueue(orderId, hold, null, eventTime, correctionRoute(targets, candidates, ruleSafety), detectedAt);
        }
        fillBackorders(orderId, decisionId, "a hold correction of order " + orderId, eventTime, detectedAt);
        commit(eventTime, detectedAt);
        return new HoldCorrection(HoldCorrection.Outcome.APPLIED, copy(hold.holds), effects);
    }

    /** Units of this SKU at {@code location} that {@code orderId} could hold: its own hold there plus what is free. */
    public long freeFor(String orderId, String location, long ruleSafety) throws Exception {
        OrderHold hold = store.hold(orderId);
        return freeFor(hold != null ? hold : new OrderHold(), location, ruleSafety);
    }

    private long freeFor(OrderHold hold, String location, long ruleSafety) throws Exception {
        Position p = store.position(location);
        if (p == null) return 0;
        long own = 0;
        for (Allocation a : hold.holds) {
            if (a.location.equals(location)) own += a.quantity;
        }
        return Math.max(0, p.onHand - (p.reserved - own) - p.safetyStock - ruleSafety);
    }

    /**
     * The first target of a correction the order's {@code hold} could not take now, as {@code "WH-B had 1 of 3 free"},
     * or null when every target has the units.
     */
    private String shortTarget(OrderHold hold, List<Allocation> targets, Map<String, Long> ruleSafety)
            throws Exception {
        for (Allocation t : targets) {
            long free = freeFor(hold, t.location, ruleSafety.getOrDefault(t.location, 0L));
            if (t.quantity > free) return t.location + " had " + free + " of " + t.quantity + " free";
        }
        return null;
    }

    /** What {@code orderId} holds of this SKU now. */
    public List<Allocation> holdsOf(String orderId) throws Exception {
        OrderHold hold = store.hold(orderId);
        return hold == null ? List.of() : copy(hold.holds);
    }

    private static List<Allocation> copy(List<Allocation> holds) {
        List<Allocation> result = new ArrayList<>();
        for (Allocation a : holds) result.add(new Allocation(a.location, a.quantity));
        return result;
    }

    /**
     * What one pass over the holds did: how many settled orders it forgot, and when the earliest settled order it
     * kept settled (0 if none), which is when the next pass is due, plus the retention.
     */
    public record Expiry(int forgotten, long earliestKeptSettlement) {}

    /** Forgets the orders that settled at least the retention before {@code watermark}, in one pass over the holds. */
    public Expiry expire(long watermark) throws Exception {
        long cutoff = watermark - policy.settledRetention.toMillis();
        List<String> expired = new ArrayList<>();
        long earliestKept = 0;
        for (Map.Entry<String, OrderHold> e : store.holds()) {
            long settledAt = e.getValue().settledAt;
            if (settledAt <= 0) continue;
            if (settledAt <= cutoff) expired.add(e.getKey());
            else if (earliestKept == 0 || settledAt < earliestKept) earliestKept = settledAt;
        }
        for (String orderId : expired) store.removeHold(orderId);
        return new Expiry(expired.size(), earliestKept);
    }

    private void applyMovement(LedgerCommand c, long detectedAt) throws Exception {
        switch (c.movementType.sign) {
            case POSITIVE:
                changeOnHand(c, c.location, c.quantity);
                break;
            case NEGATIVE:
                changeOnHand(c, c.location, -c.quantity);
                break;
            case SIGNED:
                changeOnHand(c, c.location, c.quantity);
                break;
            case ABSOLUTE:
                count(c, detectedAt);
                break;
            default:
                throw new IllegalArgumentException("unknown sign " + c.movementType.sign);
        }
    }

    /**
     * Adds {@code delta} to on-hand at {@code location} unless the position's newest count is younger in event time
     * (its level already holds the change), and remembers it for a count that may still arrive from before it.
     */
    private void changeOnHand(LedgerCommand c, String location, long delta) throws Exception {
        PositionHistory history = history(location);
        String key = c.sequenceKey();
        if (history.countedBy(c.eventTime, key)) {
            effects.changesInCount++;
            return;
        }
        touch(location).onHand += delta;
        history.add(c.eventTime, key, delta, policy.allowedLateness.toMillis());
        store.putHistory(location, history);
    }

    /**
     * A stock COUNT: the position's on-hand as of the count's event time. Its level plus the changes after it, within
     * the allowed lateness; an older count than the newest applied changes nothing (the newer one holds all it knew).
     * A count older than a change the history has forgotten cannot be placed: it goes to the dead letters.
     */
    private void count(LedgerCommand c, long detectedAt) throws Exception {
        PositionHistory history = history(c.location);
        String key = c.sequenceKey();
        if (history.countedBy(c.eventTime, key)) {
            effects.changesInCount++;
            return;
        }
        if (c.eventTime <= history.forgottenUpTo) {
            effects.deadLetters.add(StockCounts.tooLate(c, history.forgottenUpTo, policy.allowedLateness, detectedAt));
            return;
        }
        long after = history.takeCount(c.eventTime, key, policy.allowedLateness.toMillis());
        touch(c.location).onHand = c.quantity + after;
        store.putHistory(c.location, history);
    }

    private PositionHistory history(String location) throws Exception {
        PositionHistory history = store.history(location);
        return history != null ? history : PositionHistory.startingAt(store.position(location));
    }

    private void reserve(LedgerCommand c, long detectedAt) throws Exception {
        OrderHold hold = holdOf(c.orderId);
        LineAllocation line = c.decision ? newLine(c) : null;
        if (hold.cancelled) {
            if (line != null) line.reason = "the order was cancelled before it was placed";
            effects.line = line;
            return;
        }
        hold.placed = true;
        hold.ordered = c.quantity;
        hold.decisionId = c.eventId;
        long backorderedBefore = hold.backordered;
        long outstanding = Math.max(0, hold.ordered - hold.shipped);
        long held = hold.held();
        long newlyBackordered = 0;
        if (outstanding > held) {
            long wanted = outstanding - held;
            List<Allocation> placed = c.location != null
                    ? pinned(c.location, wanted)
                    : c.route == null
                            ? DefaultAllocator.allocate(wanted, shopAvailable())
                            : RankedAllocator.allocate(sku, wanted, c.route, availableByLocation());
            long got = 0;
            for (Allocation a : placed) {
                touch(a.location).reserved += a.quantity;
                addHold(hold, a.location, a.quantity);
                got += a.quantity;
            }
            newlyBackordered = wanted - got;
            hold.backordered = newlyBackordered;
        } else {
            release(hold, held - outstanding);
            hold.backordered = 0;
        }
        // Units a rule set's policy left unreserved while some location had them are not oversold.
        // A pinned order (c.location) could take nothing elsewhere: what it lacks there is oversold.
        long stillAvailable = hold.backordered > 0 && c.location == null ? totalAvailable() : 0;
        if (line != null) {
            for (Allocation a : hold.holds) line.allocations.add(new Allocation(a.location, a.quantity));
            line.backordered = hold.backordered;
            if (hold.backordered > 0) line.reason = backorderReason(hold.backordered, stillAvailable, c.route != null);
            effects.line = line;
        }
        long oversold = Math.max(0, newlyBackordered - stillAvailable);
        if (oversold > 0) effects.alerts.add(StockAlerts.oversell(sku, c, oversold, stillAvailable, detectedAt));
        markSettlement(hold, c.eventTime);
        store.putHold(c.orderId, hold);
        if (backorderedBefore > 0 || hold.backordered > 0) {
            RoutePlan where = c.location != null ? pinnedRoute(c.location) : c.route;
            boolean waits = keepInQueue(c.orderId, hold, c.channel, c.eventTime, where, detectedAt);
            if (!waits && hold.backordered > 0 && line != null && line.reason != null && allowsBackorder(c.route)) {
                line.reason += "; not queued to be filled: " + policy.maxBackorders + " orders already wait for " + sku;
            }
        }
    }

    private void cancel(LedgerCommand c) throws Exception {
        OrderHold hold = holdOf(c.orderId);
        release(hold, hold.held());
        hold.cancelled = true;
        long backorderedBefore = hold.backordered;
        hold.backordered = 0;
        markSettlement(hold, c.eventTime);
        store.putHold(c.orderId, hold);
        if (backorderedBefore > 0) keepInQueue(c.orderId, hold, c.channel, c.eventTime, null, 0);
    }

    private void ship(LedgerCommand c) throws Exception {
        OrderHold hold = holdOf(c.orderId);
        changeOnHand(c, c.location, -c.quantity);
        long toConsume = Math.min(c.quantity, hold.held());
        toConsume -= consumeAt(hold, c.location, toConsume);
        for (int i = 0; i < hold.holds.size() && toConsume > 0; ) {
            Allocation a = hold.holds.get(i);
            long taken = Math.min(a.quantity, toConsume);
            touch(a.location).reserved -= taken;
            a.quantity -= taken;
            toConsume -= taken;
            if (a.quantity == 0) hold.holds.remove(i);
            else i++;
        }
        hold.shipped += c.quantity;
        long backorderedBefore = hold.backordered;
        hold.backordered = Math.max(0, Math.min(hold.backordered, hold.ordered - hold.shipped - hold.held()));
        hold.lastShipLocation = c.location;
        markSettlement(hold, c.eventTime);
        store.putHold(c.orderId, hold);
        if (backorderedBefore > 0) keepInQueue(c.orderId, hold, c.channel, c.eventTime, null, 0);
    }

    private void refund(LedgerCommand c) throws Exception {
        if (!c.restock) return;
        OrderHold known = store.hold(c.orderId);
        OrderHold hold = known != null ? known : new OrderHold();
        long released = release(hold, Math.min(c.quantity, hold.held()));
        hold.ordered = Math.max(0, hold.ordered - released);
        long returned = c.quantity - released;
        // Only units that left a shelf come back: of an order the ledger knows, at most what it shipped (units that
        // were backordered, released by a cancel or by a smaller quantity never left).
        if (known != null) returned = Math.min(returned, hold.shipped);
        // What is refunded beyond that was backordered: the order no longer waits for it.
        long unowed = Math.min(hold.backordered, c.quantity - released - returned);
        if (unowed > 0) {
            hold.backordered -= unowed;
            hold.ordered = Math.max(0, hold.ordered - unowed);
            keepInQueue(c.orderId, hold, c.channel, c.eventTime, null, 0);
        }
        String location = c.location != null ? c.location : hold.lastShipLocation;
        if (returned > 0 && location != null) changeOnHand(c, location, returned);
        markSettlement(hold, c.eventTime);
        // An order the ledger does not know (forgotten after settling) is not remembered again: it would never settle.
        if (known != null) store.putHold(c.orderId, hold);
    }

    /** Consumes up to {@code quantity} of the hold at {@code location}; returns how much it took. */
    private long consumeAt(OrderHold hold, String location, long quantity) throws Exception {
        for (int i = 0; i < hold.holds.size(); i++) {
            Allocation a = hold.holds.get(i);
            if (a.location.equals(location)) {
                long taken = Math.min(a.quantity, quantity);
                touch(location).reserved -= taken;
                a.quantity -= taken;
                if (a.quantity == 0) hold.holds.remove(i);
                return taken;
            }
        }
        return 0;
    }

    /** Releases up to {@code quantity} held units, newest hold first; returns how many. */
    private long release(OrderHold hold, long quantity) throws Exception {
        long left = quantity;
        for (int i = hold.holds.size() - 1; i >= 0 && left > 0; i--) {
            Allocation a = hold.holds.get(i);
            long taken = Math.min(a.quantity, left);
            touch(a.location).reserved -= taken;
            a.quantity -= taken;
            left -= taken;
            if (a.quantity == 0) hold.holds.remove(i);
        }
        return quantity - left;
    }

    /**
     * Keeps the order's place in the backorder queue in step with its hold: in while it has backordered units (under
     * a rule set that allows backorders), out otherwise. An order already waiting keeps its place and its rule set.
     * Returns whether the order waits; false also when the queue is full, which raises one
     * {@code BACKORDER_QUEUE_FULL} per episode.
     */
    private boolean keepInQueue(
            String orderId, OrderHold hold, String channel, long eventTime, RoutePlan route, long detectedAt)
            throws Exception {
        boolean waits = hold.backordered > 0 && !hold.cancelled && allowsBackorder(route);
        Backorder entry = store.backorder(orderId);
        if (!waits) {
            if (entry != null) leaveQueue(orderId, tally(), true);
            return false;
        }
        if (entry != null) return true;
        BackorderTally tally = tally();
        if (tally.waiting >= policy.maxBackorders) {
            tally.turnedAway++;
            if (tally.turnedAway == 1) {
                effects.alerts.add(StockAlerts.backorderQueueFull(
                        sku, orderId, channel, tally.waiting, policy.maxBackorders, eventTime, detectedAt));
            }
            store.putBackorderTally(tally);
            return false;
        }
        entry = new Backorder();
        entry.orderId = orderId;
        entry.channel = channel;
        entry.orderTime = eventTime;
        entry.route = lean(route);
        store.putBackorder(orderId, entry);
        tally.waiting++;
        store.putBackorderTally(tally);
        return true;
    }

    private void leaveQueue(String orderId, BackorderTally tally, boolean store) throws Exception {
        this.store.removeBackorder(orderId);
        tally.waiting = Math.max(0, tally.waiting - 1);
        if (tally.waiting < policy.maxBackorders) tally.turnedAway = 0;
        if (store) this.store.putBackorderTally(tally);
    }

    /**
     * Fills the backorder queue, oldest order first, from what the current command made available; each order as
     * far as the stock goes (a partial fill keeps its place) and where its rule set allows. {@code except}: the
     * command's own order, which is not filled by its own command.
     */
    private void fillBackorders(String except, String eventId, String cause, long eventTime, long detectedAt)
            throws Exception {
        if (!availableRose()) return;
        BackorderTally tally = store.backorderTally();
        if (tally == null || tally.waiting == 0) return;
        List<Backorder> queue = new ArrayList<>();
        for (Map.Entry<String, Backorder> e : store.backorders()) queue.add(e.getValue());
        queue.sort(Backorder::compare);
        long available = 0;
        for (long units : availableByLocation().values()) available += units;
        for (Backorder b : queue) {
            if (available <= 0) break;
            if (b.orderId.equals(except)) continue;
            OrderHold hold = store.hold(b.orderId);
            if (hold == null || hold.cancelled || hold.backordered <= 0) {
                leaveQueue(b.orderId, tally, false);
                continue;
            }
            List<Allocation> placed = b.route == null
                    ? DefaultAllocator.allocate(hold.backordered, shopAvailable())
                    : RankedAllocator.allocate(sku, hold.backordered, b.route, availableByLocation());
            long got = 0;
            for (Allocation a : placed) {
                touch(a.location).reserved += a.quantity;
                addHold(hold, a.location, a.quantity);
                got += a.quantity;
            }
            if (got == 0) continue;
            hold.backordered -= got;
            store.putHold(b.orderId, hold);
            if (hold.backordered == 0) leaveQueue(b.orderId, tally, false);
            effects.fills.add(fillLine(b, hold, placed, got, eventId, cause, eventTime));
            available -= got;
        }
        store.putBackorderTally(tally);
    }

    private LineAllocation fillLine(
            Backorder b, OrderHold hold, List<Allocation> placed, long got, String eventId, String cause, long time) {
        LineAllocation line = new LineAllocation();
        line.orderId = b.orderId;
        line.eventId = hold.decisionId;
        line.channel = b.channel;
        line.sku = sku;
        line.requested = hold.ordered;
        line.allocations.addAll(copy(hold.holds));
        line.backordered = hold.backordered;
        line.eventTime = time;
        line.route = b.route;
        line.fill = copy(placed);
        line.filledBy = eventId;
        line.reason = got + " of " + sku + " reserved for the backorder when stock came (" + cause + ")"
                + (hold.backordered > 0 ? ", " + hold.backordered + " still backordered" : "");
        return line;
    }

    /** Whether the current command raised what some location has available. */
    private boolean availableRose() {
        for (Position[] pair : touched.values()) {
            if (pair[1].available() > pair[0].available()) return true;
        }
        return false;
    }

    /** The queue's count; a SKU without one (new, or from state before backorder queues) starts from nothing. */
    private BackorderTally tally() throws Exception {
        BackorderTally tally = store.backorderTally();
        return tally != null ? tally : new BackorderTally();
    }

    private static boolean allowsBackorder(RoutePlan route) {
        return route == null || route.allowBackorder;
    }

    /** What the queue keeps of a rule set's plan: without the evaluation, which only the first decision explains. */
    private static RoutePlan lean(RoutePlan route) {
        if (route == null) return null;
        RoutePlan p = new RoutePlan();
        p.ruleSetVersion = route.ruleSetVersion;
        p.candidates = new ArrayList<>(route.candidates);
        p.safetyStock = new HashMap<>(route.safetyStock);
        p.maxShipments = route.maxShipments;
        p.allowBackorder = route.allowBackorder;
        return p;
    }

    /** Where an order pinned to one location (a marketplace fulfils it from its own stock) may be filled: only there. */
    private static RoutePlan pinnedRoute(String location) {
        RoutePlan p = new RoutePlan();
        p.candidates.add(location);
        return p;
    }

    /** A correction's targets as the plan a backorder it leaves is filled under: the rule set chose those places. */
    private RoutePlan correctionRoute(List<Allocation> targets, List<String> candidates, Map<String, Long> ruleSafety) {
        RoutePlan p = new RoutePlan();
        for (Allocation t : targets) {
            if (!p.candidates.contains(t.location)) p.candidates.add(t.location);
        }
        // A SKU the plan backorders whole has no target: it is filled where the rule set ranks, best first.
        if (p.candidates.isEmpty()) p.candidates.addAll(candidates);
        for (Map.Entry<String, Long> e : ruleSafety.entrySet()) p.safetyStock.put(e.getKey() + "|" + sku, e.getValue());
        p.maxShipments = Math.max(1, p.candidates.size());
        return p;
    }

    private static String cause(LedgerCommand c) {
        switch (c.kind) {
            case MOVEMENT:
                return c.movementType + " " + c.eventId + " at " + c.location;
            case CANCEL:
                return "order " + c.orderId + " was cancelled";
            case REFUND:
                return "order " + c.orderId + " was refunded with restock";
            case SHIP:
                return "order " + c.orderId + " shipped";
            default:
                return "order " + c.orderId + " changed";
        }
    }

    private void markSettlement(OrderHold hold, long eventTime) {
        if (hold.isSettled()) {
            if (hold.settledAt == 0) {
                hold.settledAt = Math.max(1, eventTime);
                effects.settledAt = hold.settledAt;
            }
        } else {
            hold.settledAt = 0;
        }
    }

    private static void addHold(OrderHold hold, String location, long quantity) {
        for (Allocation a : hold.holds) {
            if (a.location.equals(location)) {
                a.quantity += quantity;
                return;
            }
        }
        hold.holds.add(new Allocation(location, quantity));
    }

    private OrderHold holdOf(String orderId) throws Exception {
        OrderHold hold = store.hold(orderId);
        return hold != null ? hold : new OrderHold();
    }

    private LineAllocation newLine(LedgerCommand c) {
        LineAllocation line = new LineAllocation();
        line.orderId = c.orderId;
        line.eventId = c.eventId;
        line.channel = c.channel;
        line.sku = sku;
        line.lineCount = c.lineCount;
        line.requested = c.quantity;
        line.eventTime = c.eventTime;
        line.route = c.route;
        return line;
    }

    private String backorderReason(long backordered, long stillAvailable, boolean routed) throws Exception {
        if (routed && stillAvailable >= backordered) {
            return backordered + " of " + sku
                    + " were not reserved: the rule set's locations, split or backorder policy" + " did not allow the "
                    + stillAvailable + " available";
        }
        return stillAvailable == 0 && !hasAnyPosition()
                ? "sku " + sku + " has no stock record at any location"
                : backordered + " of " + sku + " could not be reserved: no location had the stock";
    }

    /** Available units per location, as they stand inside the current command. */
    private Map<String, Long> availableByLocation() throws Exception {
        Map<String, Long> available = new LinkedHashMap<>();
        for (Map.Entry<String, Position> e : store.positions()) {
            if (!ALL_LOCATIONS.equals(e.getKey()))
                available.put(e.getKey(), e.getValue().available());
        }
        for (Map.Entry<String, Position[]> e : touched.entrySet())
            available.put(e.getKey(), e.getValue()[1].available());
        return available;
    }

    private long totalAvailable() throws Exception {
        long sum = 0;
        for (long a : shopAvailable().values()) sum += a;
        return sum;
    }

    /** Available units per location the shop's own orders may use: every location but the marketplace-held ones. */
    private Map<String, Long> shopAvailable() throws Exception {
        Map<String, Long> available = availableByLocation();
        available.keySet().removeAll(policy.marketplaceHeld);
        return available;
    }

    /** A RESERVE that names its location (an order a marketplace fulfils from its own stock) is held only there. */
    private List<Allocation> pinned(String location, long wanted) throws Exception {
        long free = Math.max(0, availableByLocation().getOrDefault(location, 0L));
        return free == 0 ? List.of() : List.of(new Allocation(location, Math.min(wanted, free)));
    }

    private boolean hasAnyPosition() throws Exception {
        return store.positions().iterator().hasNext() || !touched.isEmpty();
    }

    /** The position of a location for change within the current command, created on first use. */
    private Position touch(String location) throws Exception {
        Position[] pair = touched.get(location);
        if (pair == null) {
            Position stored = store.position(location);
            // A new location starts from nothing, so its safety stock counts as a change and reaches the "*" total.
            Position before = stored != null ? stored : new Position();
            pair = new Position[] {before, stored != null ? stored.copy() : newPosition()};
            touched.put(location, pair);
        }
        return pair[1];
    }

    private Position newPosition() {
        Position p = new Position();
        p.safetyStock = policy.safetyStock;
        return p;
    }

    /** Stores what changed, keeps the "*" total in step, and raises LOW_STOCK where available crossed below. */
    private void commit(long eventTime, long detectedAt) throws Exception {
        Position total = null;
        Position totalBefore = null;
        for (Map.Entry<String, Position[]> e : touched.entrySet()) {
            Position before = e.getValue()[0];
            Position after = e.getValue()[1];
            if (sameLevels(before, after)) continue;
            if (total == null) {
                Position stored = store.position(ALL_LOCATIONS);
                totalBefore = stored != null ? stored : new Position();
                total = totalBefore.copy();
            }
            total.onHand += after.onHand - before.onHand;
            total.reserved += after.reserved - before.reserved;
            total.safetyStock += after.safetyStock - before.safetyStock;
            publish(e.getKey(), before, after, eventTime, detectedAt);
        }
        if (total != null && !sameLevels(totalBefore, total))
            publish(ALL_LOCATIONS, totalBefore, total, eventTime, detectedAt);
    }

    private void publish(String location, Position before, Position after, long eventTime, long detectedAt)
            throws Exception {
        after.version = before.version + 1;
        after.asOf = eventTime;
        store.putPosition(location, after);
        effects.availability.add(AvailabilityUpdate.of(sku, location, after));
        long threshold = policy.lowStockThreshold;
        if (before.available() >= threshold && after.available() < threshold) {
            Alert alert = StockAlerts.lowStock(sku, location, before.available(), after, threshold, detectedAt);
            effects.alerts.add(alert);
        }
    }

    private static boolean sameLevels(Position a, Position b) {
        return a.onHand == b.onHand && a.reserved == b.reserved && a.safetyStock == b.safetyStock;
    }
}
