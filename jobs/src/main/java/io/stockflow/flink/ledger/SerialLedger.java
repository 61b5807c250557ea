package io.stockflow.flink.ledger;

import io.stockflow.alert.Alert;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.ledger.LedgerCommand;
import io.stockflow.ledger.LedgerEffects;
import io.stockflow.ledger.LedgerPolicy;
import io.stockflow.ledger.LedgerStore;
import io.stockflow.ledger.LineAllocation;
import io.stockflow.ledger.LineCorrection;
import io.stockflow.ledger.SkuLedger;
import io.stockflow.model.DeadLetter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every SKU's ledger in one place, applied one command at a time, with the correction round of a routed multi-line
 * order and daily capacity done in place: when the last line of such an order is held, the order is planned on what is
 * free to it ({@link OrderCorrections#plan}), the corrections are applied to their SKUs' ledgers at once, and the lines
 * go on as the ledgers then hold them. Nothing is decided in between, so every decision is the one an order-at-a-time
 * feed gets (docs/design/routing.md). Each reserve's plan is finished with the shipments counted so far before it is
 * held ({@link SerialCapacity}).
 *
 * <p>Where the state lives is the caller's: the heap for a replay ({@link ReplayLedgerFunction}), keyed state under one
 * key for live routing in serial mode ({@link SerialLedgerFunction}).
 */
final class SerialLedger {
    private static final long HOUR = Duration.ofHours(1).toMillis();

    /** Each SKU's {@link LedgerStore}. */
    interface Ledgers {
        LedgerStore of(String sku) throws Exception;

        /** After each command: writes back what the command changed. */
        void flush() throws Exception;
    }

    /** What a command causes, for the function to emit. */
    interface Output {
        void availability(AvailabilityUpdate update);

        void line(LineAllocation line);

        void alert(Alert alert);

        void deadLetter(DeadLetter letter);

        /** An order settled at this time: it is forgotten the ledger's retention later. */
        void settled(long settledAt) throws Exception;
    }

    private final LedgerPolicy policy;
    private final DecisionClock clock;
    private final Ledgers ledgers;
    private final Table<Boolean> appliedMovements;
    /** Held lines of a multi-line order whose other lines are not held yet, by order id. */
    private final Table<List<LineAllocation>> open;
    /** Fills of orders with an open decision: they follow the decision, as the live assembler orders them. */
    private final Table<List<LineAllocation>> fillsOfOpen;

    private final SerialCapacity capacity;

    SerialLedger(
            LedgerPolicy policy,
            DecisionClock clock,
            Ledgers ledgers,
            Table<Boolean> appliedMovements,
            Table<List<LineAllocation>> open,
            Table<List<LineAllocation>> fillsOfOpen,
            SerialCapacity capacity) {
        this.policy = policy;
        this.clock = clock;
        this.ledgers = ledgers;
        this.appliedMovements = appliedMovements;
        this.open = open;
        this.fillsOfOpen = fillsOfOpen;
        this.capacity = capacity;
    }

    /**
     * Applies one command; returns false for a movement applied before (same movement id), which changes nothing.
     */
    boolean apply(LedgerCommand command, Output out) throws Exception {
        if (command.kind == LedgerCommand.Kind.MOVEMENT) {
            if (appliedMovements.contains(command.eventId)) return false;
            appliedMovements.put(command.eventId, Boolean.TRUE);
        }
        capacity.finishPlan(command);
        LedgerEffects effects = ledger(command.sku).apply(command, clock.now(command.eventTime));
        publish(effects, out);
        LineAllocation line = effects.line;
        if (line != null) onLine(line, out);
        ledgers.flush();
        return true;
    }

    private void onLine(LineAllocation line, Output out) throws Exception {
        if (line.free == null) {
            // One line, or the built-in allocator's: decided as held.
            out.line(line);
            if (line.lineCount == 1) capacity.decided(List.of(line));
            return;
        }
        List<LineAllocation> held = open.get(line.orderId);
        if (held == null || !held.get(0).eventId.equals(line.eventId)) {
            // An order's lines come together, each decision's after the one before it: a list of another decision
            // is not left behind, and starting over keeps a later decision from waiting on it.
            held = new ArrayList<>();
        }
        held.add(line);
        if (held.size() < line.lineCount) {
            open.put(line.orderId, held);
            return;
        }
        open.remove(line.orderId);
        decide(held, out);
    }

    /** The order's correction round, in place: the same plan and the same per-SKU checks as the live loop. */
    private void decide(List<LineAllocation> held, Output out) throws Exception {
        held.sort(Comparator.comparing(l -> l.sku));
        String orderId = held.get(0).orderId;
        List<LineAllocation> answers = new ArrayList<>();
        for (LineCorrection c : OrderCorrections.plan(held)) {
            LedgerEffects effects = ledger(c.sku).apply(c, clock.now(c.eventTime));
            publish(effects, out);
            answers.add(effects.line);
        }
        // Every answer is APPLIED: the order's lines are held one after the other, nothing in between, so what
        // they offered is still free when the plan comes back.
        List<LineAllocation> decided = OrderCorrections.held(held, answers);
        for (LineAllocation l : decided) out.line(l);
        capacity.decided(decided);
        List<LineAllocation> fills = fillsOfOpen.get(orderId);
        if (fills == null) return;
        fillsOfOpen.remove(orderId);
        for (LineAllocation fill : fills) {
            // An answered SKU's holds already include its fills of this order (the live assembler drops them alike).
            boolean answered = answers.stream().anyMatch(a -> a.sku.equals(fill.sku));
            if (!answered) sendFill(fill, out);
        }
    }

    private void publish(LedgerEffects effects, Output out) throws Exception {
        for (AvailabilityUpdate update : effects.availability) out.availability(update);
        for (LineAllocation fill : effects.fills) {
            if (open.contains(fill.orderId)) {
                List<LineAllocation> waiting = fillsOfOpen.get(fill.orderId);
                if (waiting == null) waiting = new ArrayList<>();
                waiting.add(fill);
                fillsOfOpen.put(fill.orderId, waiting);
            } else {
                sendFill(fill, out);
            }
        }
        for (Alert alert : effects.alerts) out.alert(alert);
        for (DeadLetter letter : effects.deadLetters) out.deadLetter(letter);
        if (effects.settledAt > 0) out.settled(effects.settledAt);
    }

    private void sendFill(LineAllocation fill, Output out) throws Exception {
        out.line(fill);
        capacity.filled(fill);
    }

    private SkuLedger ledger(String sku) throws Exception {
        return new SkuLedger(sku, ledgers.of(sku), policy);
    }

    /** When to forget orders that settled at {@code settledAt}: the first full hour after the retention. */
    static long expiryDue(long settledAt, LedgerPolicy policy) {
        return (Math.floorDiv(settledAt + policy.settledRetention.toMillis(), HOUR) + 1) * HOUR;
    }
}
