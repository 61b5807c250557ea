package io.stockflow.flink.lifecycle;

import static io.stockflow.flink.lifecycle.LifecycleEvents.at;
import static io.stockflow.flink.lifecycle.LifecycleEvents.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.flink.time.ReplayHorizon;
import io.stockflow.lifecycle.LifecycleInput;
import io.stockflow.model.DeadLetter;
import io.stockflow.tracking.TrackingStatus;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrackingLinkerTest {
    private KeyedOneInputStreamOperatorTestHarness<String, TrackingInput, LifecycleInput> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(
                        new TrackingLinker(Duration.ofDays(3), Duration.ofDays(30), ReplayHorizon.LIVE)),
                in -> in.trackingCode,
                Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(TrackingInput in) throws Exception {
        harness.processElement(new StreamRecord<>(in, in.time));
    }

    @Test
    void anUpdateBeforeItsShipmentWaitsAndThenFindsItsOrder() throws Exception {
        send(TrackingInput.of(update("1Z1", TrackingStatus.IN_TRANSIT, "2026-11-25T08:00:00Z")));
        assertThat(outputs()).isEmpty();

        send(TrackingInput.link("1Z1", "shopify:1", "WH-EAST", at("2026-11-25T09:00:00Z")));
        send(TrackingInput.of(update("1Z1", TrackingStatus.DELIVERED, "2026-11-26T08:00:00Z")));

        assertThat(outputs())
                .extracting(in -> in.orderId + " " + in.tracking.status + " from " + in.shippedFrom)
                .containsExactly("shopify:1 IN_TRANSIT from WH-EAST", "shopify:1 DELIVERED from WH-EAST");
    }

    @Test
    void theFirstOrderToNameACodeKeepsIt() throws Exception {
        send(TrackingInput.link("1Z1", "shopify:1", "WH-EAST", at("2026-11-25T09:00:00Z")));
        send(TrackingInput.link("1Z1", "shopify:2", null, at("2026-11-25T10:00:00Z")));
        send(TrackingInput.of(update("1Z1", TrackingStatus.DELIVERED, "2026-11-26T08:00:00Z")));

        assertThat(outputs()).extracting(in -> in.orderId).containsExactly("shopify:1");
    }

    @Test
    void anUpdateNoShipmentClaimsIsDeadLetteredAfterTheWaitAndForgotten() throws Exception {
        send(TrackingInput.of(update("1Z404", TrackingStatus.IN_TRANSIT, "2026-11-25T08:00:00Z")));
        harness.processWatermark(at("2026-11-28T07:59:59Z"));
        assertThat(harness.getSideOutput(TrackingLinker.UNLINKED)).isNull();

        harness.processWatermark(at("2026-11-28T08:00:00Z"));

        List<DeadLetter> dead = harness.getSideOutput(TrackingLinker.UNLINKED).stream()
                .map(StreamRecord::getValue)
                .collect(Collectors.toList());
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.sourceTopic).isEqualTo("carrier.tracking");
            assertThat(d.error).isEqualTo("no order shipped with tracking code '1Z404' within PT72H of this update");
            assertThat(d.raw).contains("\"status\":\"IN_TRANSIT\"");
        });
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aLinkedCodeIsForgottenAfterItsRetention() throws Exception {
        send(TrackingInput.link("1Z1", "shopify:1", "WH-EAST", at("2026-11-25T09:00:00Z")));
        send(TrackingInput.of(update("1Z1", TrackingStatus.DELIVERED, "2026-11-26T08:00:00Z")));
        harness.processWatermark(at("2026-12-26T08:00:00Z"));

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.getSideOutput(TrackingLinker.UNLINKED)).isNull();
    }

    private List<LifecycleInput> outputs() {
        return harness.extractOutputValues();
    }
}
