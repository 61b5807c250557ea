package io.stockflow.flink.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.allocation.Decision;
import io.stockflow.allocation.OrderAllocation;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.ledger.Allocation;
import io.stockflow.ledger.LineAllocation;
import io.stockflow.ledger.RoutePlan;
import io.stockflow.routing.Candidate;
import io.stockflow.routing.Criterion;
import io.stockflow.routing.Evaluation;
import io.stockflow.routing.EvaluationCodec;
import io.stockflow.routing.RoutePlans;
import io.stockflow.routing.SplitPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The assembler explains a routed order from the one line that carries the evaluation, whichever SKU it is. */
class RoutedAssemblyTest {
    @Test
    void theEvaluationMayRideOnAnyLineOfTheOrder() throws Exception {
        Evaluation evaluation = new Evaluation(
                "v1",
                "r1",
                false,
                List.of("r1"),
                List.of(Criterion.COST),
                "STANDARD",
                "US-EAST",
                List.of(new Candidate(
                        "WH-A", 1, -1, new BigDecimal("4.50"), 2, null, 7L, LocalDate.of(2026, 11, 26), false, 10L)),
                List.of(),
                SplitPolicy.DEFAULT);
        RoutePlan full = new RoutePlan();
        full.ruleSetVersion = "v1";
        full.candidates.add("WH-A");
        full.evaluation = EvaluationCodec.write(evaluation);

        try (var harness = new KeyedOneInputStreamOperatorTestHarness<String, LineAllocation, OrderAllocation>(
                new KeyedProcessOperator<>(new AllocationAssembler(new DecisionClock(true), Duration.ofDays(1))),
                l -> l.orderId,
                Types.STRING)) {
            harness.open();
            harness.processElement(new StreamRecord<>(line("SKU-Z", full), 1000));
            harness.processElement(new StreamRecord<>(line("SKU-A", RoutePlans.withoutEvaluation(full)), 1000));

            assertThat(harness.extractOutputValues()).singleElement().satisfies(a -> {
                assertThat(a.decision).isEqualTo(Decision.ALLOCATED);
                assertThat(a.ruleSetVersion).isEqualTo("v1");
                assertThat(a.ruleIds).containsExactly("r1");
                assertThat(a.explanationJson).contains("\"daily_capacity\":10").contains("\"capacity_left\":7");
            });
        }
    }

    private static LineAllocation line(String sku, RoutePlan route) {
        LineAllocation l = new LineAllocation();
        l.orderId = "shopify:1";
        l.eventId = "e1";
        l.channel = "shopify";
        l.sku = sku;
        l.lineCount = 2;
        l.requested = 1;
        l.allocations.add(new Allocation("WH-A", 1));
        l.eventTime = 1000;
        l.route = route;
        return l;
    }
}
