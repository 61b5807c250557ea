package io.stockflow.flink.ledger;

import io.stockflow.alert.Alert;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.ledger.LedgerCommand;
import io.stockflow.ledger.LedgerPolicy;
import io.stockflow.ledger.LedgerStore;
import io.stockflow.ledger.LineAllocation;
import io.stockflow.ledger.SkuLedger;
import io.stockflow.model.DeadLetter;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The stock ledger of a bounded run: every SKU's ledger in one task ({@link SerialLedger}), fed in event-time order,
 * with the correction round of live routing and daily capacity done in place. Live, the same round travels through
 * {@code routing.corrections} (or is done in place too, in serial mode); fed one order at a time, live reaches the
 * same holds (docs/design/routing.md).
 *
 * <p>It sits where {@link StockLedgerFunction} sits live, with the same outputs ({@link StockLedgerFunction#LINES},
 * {@link StockLedgerFunction#ALERTS}, {@link StockLedgerFunction#DEAD_LETTERS}), so the allocation assembly, backorder
 * fills and capacity counting downstream are the live ones. Its ledgers are on the heap: a bounded run is decided
 * again from its input.
 */
public final class ReplayLedgerFunction extends KeyedProcessFunction<String, LedgerCommand, AvailabilityUpdate> {
    /** The one key: every SKU's ledger is in one task, so an order's lines and their corrections are one step. */
    public static final String ALL_SKUS = "*";

    private final LedgerPolicy policy;
    private final DecisionClock clock;
    private transient Map<String, HeapLedgerStore> ledgers;
    private transient SerialLedger serial;
    private transient long expiryDue;

    public ReplayLedgerFunction(LedgerPolicy policy, DecisionClock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public void open(OpenContext context) {
        ledgers = new HashMap<>();
        SerialLedger.Ledgers stores = new SerialLedger.Ledgers() {
            @Override
            public LedgerStore of(String sku) {
                return ledgers.computeIfAbsent(sku, s -> new HeapLedgerStore());
            }

            @Override
            public void flush() {}
        };
        serial = new SerialLedger(
                policy, clock, stores, Table.onHeap(), Table.onHeap(), Table.onHeap(), SerialCapacity.onHeap(clock));
        expiryDue = Long.MAX_VALUE;
    }

    @Override
    public void processElement(LedgerCommand command, Context ctx, Collector<AvailabilityUpdate> out) throws Exception {
        serial.apply(command, new SerialLedger.Output() {
            @Override
            public void availability(AvailabilityUpdate update) {
                out.collect(update);
            }

            @Override
            public void line(LineAllocation line) {
                ctx.output(StockLedgerFunction.LINES, line);
            }

            @Override
            public void alert(Alert alert) {
                ctx.output(StockLedgerFunction.ALERTS, alert);
            }

            @Override
            public void deadLetter(DeadLetter letter) {
                ctx.output(StockLedgerFunction.DEAD_LETTERS, letter);
            }

            @Override
            public void settled(long settledAt) {
                long due = SerialLedger.expiryDue(settledAt, policy);
                if (due < expiryDue) {
                    if (expiryDue != Long.MAX_VALUE) ctx.timerService().deleteEventTimeTimer(expiryDue);
                    ctx.timerService().registerEventTimeTimer(due);
                    expiryDue = due;
                }
            }
        });
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AvailabilityUpdate> out) throws Exception {
        expiryDue = Long.MAX_VALUE;
        long next = Long.MAX_VALUE;
        for (Map.Entry<String, HeapLedgerStore> e : ledgers.entrySet()) {
            SkuLedger.Expiry expiry = new SkuLedger(e.getKey(), e.getValue(), policy)
                    .expire(ctx.timerService().currentWatermark());
            if (expiry.earliestKeptSettlement() > 0) next = Math.min(next, expiry.earliestKeptSettlement());
        }
        if (next != Long.MAX_VALUE) {
            expiryDue = SerialLedger.expiryDue(next, policy);
            ctx.timerService().registerEventTimeTimer(expiryDue);
        }
    }
}
