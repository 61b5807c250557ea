package io.stockflow.ledger;

import io.stockflow.alert.Alert;
import io.stockflow.model.MovementType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** One SKU's ledger over an {@link InMemoryLedgerStore}, with short commands whose event times rise by a second. */
final class LedgerHarness {
    static final String SKU = "SKU-1";
    static final String CHANNEL = "shopify";
    static final long T0 = 1_795_000_000_000L;
    /** Fixed detection time, so alerts are comparable between runs. */
    static final long DETECTED_AT = T0 + 555;

    final InMemoryLedgerStore store;
    final SkuLedger ledger;
    final LedgerPolicy policy;
    private long clock = T0;
    private int sequence;

    LedgerHarness() {
        this(policy(0, 0));
    }

    LedgerHarness(LedgerPolicy policy) {
        this(policy, true);
    }

    LedgerHarness(LedgerPolicy policy, boolean copyingStore) {
        this.policy = policy;
        this.store = new InMemoryLedgerStore(copyingStore);
        this.ledger = new SkuLedger(SKU, store, policy);
    }

    static LedgerPolicy policy(long lowStockThreshold, long safetyStock) {
        return new LedgerPolicy(lowStockThreshold, safetyStock, Duration.ofDays(7));
    }

    // --- commands ---

    LedgerEffects apply(LedgerCommand command) {
        try {
            return ledger.apply(command, DETECTED_AT);
        } catch (Exception e) {
            throw new AssertionError("ledger failed on " + command, e);
        }
    }

    LedgerEffects move(String location, MovementType type, long quantity) {
        return apply(LedgerCommand.movement(nextEventId("m"), SKU, location, type, quantity, tick()));
    }

    LedgerEffects receive(String location, long quantity) {
        return move(location, MovementType.RECEIPT, quantity);
    }

    LedgerEffects reserve(String orderId, long quantity) {
        return apply(reserveCommand(orderId, quantity));
    }

    LedgerCommand reserveCommand(String orderId, long quantity) {
        LedgerCommand c = orderCommand(LedgerCommand.Kind.RESERVE, orderId, quantity);
        c.decision = true;
        c.lineCount = 1;
        return c;
    }

    LedgerEffects cancel(String orderId) {
        return apply(orderCommand(LedgerCommand.Kind.CANCEL, orderId, 0));
    }

    LedgerEffects ship(String orderId, String location, long quantity) {
        LedgerCommand c = orderCommand(LedgerCommand.Kind.SHIP, orderId, quantity);
        c.location = location;
        return apply(c);
    }

    LedgerEffects refund(String orderId, String location, long quantity, boolean restock) {
        LedgerCommand c = orderCommand(LedgerCommand.Kind.REFUND, orderId, quantity);
        c.location = location;
        c.restock = restock;
        return apply(c);
    }

    LedgerCommand orderCommand(LedgerCommand.Kind kind, String orderId, long quantity) {
        return LedgerCommand.forOrder(
                kind, nextEventId(kind.name().toLowerCase()), orderId, CHANNEL, SKU, quantity, tick());
    }

    int expireSettled(long watermark) {
        try {
            return ledger.expire(watermark).forgotten();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    long tick() {
        clock += 1000;
        return clock;
    }

    long now() {
        return clock;
    }

    private String nextEventId(String prefix) {
        return prefix + "-" + (++sequence);
    }

    // --- reading the ledger ---

    Position position(String location) {
        return store.position(location);
    }

    Position total() {
        return store.position(SkuLedger.ALL_LOCATIONS);
    }

    long onHand(String location) {
        Position p = position(location);
        return p == null ? 0 : p.onHand;
    }

    long reserved(String location) {
        Position p = position(location);
        return p == null ? 0 : p.reserved;
    }

    long available(String location) {
        Position p = position(location);
        return p == null ? 0 : p.available();
    }

    long version(String location) {
        Position p = position(location);
        return p == null ? 0 : p.version;
    }

    OrderHold hold(String orderId) {
        return store.hold(orderId);
    }

    /** Levels (not versions) of every location and the total, to compare two ledgers. */
    String levels() {
        List<String> locations = new ArrayList<>(store.locations());
        locations.add(SkuLedger.ALL_LOCATIONS);
        return locations.stream()
                .map(l -> {
                    Position p = position(l);
                    return l + ": onHand=" + p.onHand + " reserved=" + p.reserved + " safety=" + p.safetyStock;
                })
                .collect(Collectors.joining("; "));
    }

    static List<Alert> alertsOfType(LedgerEffects effects, String type) {
        return effects.alerts.stream().filter(a -> type.equals(a.type)).collect(Collectors.toList());
    }

    static AvailabilityUpdate updateFor(LedgerEffects effects, String location) {
        return effects.availability.stream()
                .filter(u -> location.equals(u.location))
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("no availability update for " + location + " in " + effects.availability));
    }
}
