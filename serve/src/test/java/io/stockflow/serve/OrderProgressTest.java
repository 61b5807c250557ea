package io.stockflow.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderProgressTest {
    private static TimelineEntry event(String type, long at) {
        return new TimelineEntry(
                TimelineEntry.Kind.ORDER_EVENT,
                at,
                type + at,
                "{\"type\":\"" + type + "\",\"ship_by\":\"2026-11-10T18:00:00Z\"}");
    }

    private static TimelineEntry notice(String type, long at) {
        return new TimelineEntry(TimelineEntry.Kind.NOTIFICATION, at, type + at, "{\"type\":\"" + type + "\"}");
    }

    @Test
    void aCancellationAfterShipmentDoesNotCountAndALateRecordNeverMovesAnOrderBack() {
        ObjectNode answer = JsonBodies.object();
        OrderProgress.describe(
                List.of(
                        event("PLACED", 1_000),
                        notice("DELIVERED", 3_000),
                        event("CANCELLED", 4_000),
                        notice("SHIPPED", 5_000)),
                answer);

        assertThat(answer.at("/stage/name").asText()).isEqualTo("DELIVERED");
        assertThat(answer.at("/stage/since").asText()).isEqualTo("1970-01-01T00:00:03Z");
        assertThat(answer.at("/deadlines/ship_by").asText()).isEqualTo("2026-11-10T18:00:00Z");
    }

    @Test
    void aCancellationBeforeShipmentIsTheStage() {
        ObjectNode answer = JsonBodies.object();
        OrderProgress.describe(
                List.of(event("PLACED", 1_000), notice("ORDER_CONFIRMED", 1_000), event("CANCELLED", 2_000)), answer);

        assertThat(answer.at("/stage/name").asText()).isEqualTo("CANCELLED");
    }
}
