package io.stockflow.ledger;

import io.stockflow.allocation.AllocatedUnits;
import io.stockflow.allocation.Decision;
import io.stockflow.allocation.DefaultRules;
import io.stockflow.allocation.OrderAllocation;
import io.stockflow.time.DecisionClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per order id: gathers the line decisions of the order's SKUs and, once every line has answered, publishes the
 * order-level decision on {@code orders.allocations}. Its state lasts only until the order is complete.
 */
public final class AllocationAssembler extends KeyedProcessFunction<String, LineAllocation, OrderAllocation> {
    private final DecisionClock clock;
    private final Duration incompleteTtl;
    private transient ListState<LineAllocation> lines;

    public AllocationAssembler(DecisionClock clock, Duration incompleteTtl) {
        this.clock = clock;
        this.incompleteTtl = incompleteTtl;
    }

    @Override
    public void open(OpenContext context) {
        ListStateDescriptor<LineAllocation> descriptor =
                new ListStateDescriptor<>("lines", TypeInformation.of(LineAllocation.class));
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(incompleteTtl).build());
        lines = getRuntimeContext().getListState(descriptor);
    }

    @Override
    public void processElement(LineAllocation line, Context ctx, Collector<OrderAllocation> out) throws Exception {
        List<LineAllocation> received = new ArrayList<>();
        for (LineAllocation l : lines.get()) {
            if (l.eventId.equals(line.eventId)) received.add(l);
        }
        received.add(line);
        if (received.size() < line.lineCount) {
            lines.add(line);
            return;
        }
        lines.clear();
        received.sort(Comparator.comparing(l -> l.sku));
        out.collect(assemble(received));
    }

    private OrderAllocation assemble(List<LineAllocation> received) {
        LineAllocation first = received.get(0);
        if (first.route != null) return RoutedAllocations.assemble(received, clock);
        OrderAllocation a = new OrderAllocation();
        a.orderId = first.orderId;
        a.channel = first.channel;
        a.ruleSetVersion = DefaultRules.RULE_SET_VERSION;
        a.ruleIds.add(DefaultRules.MOST_AVAILABLE);
        long requested = 0;
        long backordered = 0;
        List<String> reasons = new ArrayList<>();
        for (LineAllocation l : received) {
            requested += l.requested;
            backordered += l.backordered;
            for (Allocation x : l.allocations) a.allocations.add(new AllocatedUnits(l.sku, x.quantity, x.location));
            if (l.backordered > 0) a.backordered.add(new AllocatedUnits(l.sku, l.backordered, null));
            if (l.reason != null) reasons.add(l.reason);
            a.eventTime = Math.max(a.eventTime, l.eventTime);
        }
        boolean rejected = received.stream().allMatch(l -> l.allocations.isEmpty() && l.backordered == 0 && l.reason != null);
        if (rejected) {
            a.decision = Decision.REJECTED;
        } else if (backordered == 0) {
            a.decision = Decision.ALLOCATED;
        } else if (backordered == requested) {
            a.decision = Decision.BACKORDERED;
        } else {
            a.decision = Decision.PARTIAL;
        }
        a.reason = reasons.isEmpty()
                ? "all " + requested + " units reserved: " + DefaultRules.DESCRIPTION
                : String.join("; ", reasons);
        a.decidedAt = clock.now(a.eventTime);
        return a;
    }
}
