package io.stockflow.flink.anomalies;

import static io.stockflow.flink.anomalies.AnomaliesScenario.at;
import static io.stockflow.flink.anomalies.AnomaliesScenario.count;
import static io.stockflow.flink.anomalies.AnomaliesScenario.onHand;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.flink.io.RawRecord;
import io.stockflow.flink.io.Topics;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import io.stockflow.testing.TestFlink;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The anomalies topology on in-memory inputs, bounded and in replay mode, its typed alerts and dead letters collected:
 * detectors end to end, from the typed records of the inventory job and the raw movements.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AnomaliesTopologyITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.miniCluster();

    @Test
    void aCountFarFromTheLedgersOnHandRaisesLedgerMismatchAndACloseOneNothing() throws Exception {
        AnomaliesScenario.Results out = new AnomaliesScenario()
                .availability(
                        onHand("SKU-1", "WH-EAST", 100, 1, "2026-11-26T08:00:00Z"),
                        onHand("SKU-2", "WH-EAST", 100, 1, "2026-11-26T08:00:00Z"))
                .movements(
                        count("cnt-1", "SKU-1", "WH-EAST", 60, "2026-11-26T11:00:00Z"),
                        count("cnt-2", "SKU-2", "WH-EAST", 99, "2026-11-26T11:00:00Z"))
                .runUntil("2026-11-26T12:00:00Z");

        assertThat(out.alerts()).singleElement().satisfies(a -> {
            assertThat(a.type).isEqualTo("LEDGER_MISMATCH");
            assertThat(a.sku).isEqualTo("SKU-1");
            assertThat(a.location).isEqualTo("WH-EAST");
            assertThat(a.observed).isEqualTo(60.0);
            assertThat(a.expected).isEqualTo(100.0);
            assertThat(a.eventTime).isEqualTo(at("2026-11-26T11:00:00Z"));
        });
        assertThat(out.deadLetters()).isEmpty();
    }

    @Test
    void theThirdOrderOfOneCustomerWithinFifteenMinutesFlagsEveryOrderOfTheBurst() throws Exception {
        AnomaliesScenario.Results out = new AnomaliesScenario()
                .orders(
                        placed("shopify:1", "2026-11-26T10:00:00Z"),
                        placed("shopify:2", "2026-11-26T10:04:00Z"),
                        placed("shopify:3", "2026-11-26T10:09:00Z"))
                .runUntil("2026-11-26T12:00:00Z");

        assertThat(out.alerts())
                .extracting(a -> a.type + " " + a.orderId)
                .containsExactlyInAnyOrder(
                        "SUSPICIOUS_ORDER shopify:1", "SUSPICIOUS_ORDER shopify:2", "SUSPICIOUS_ORDER shopify:3");
        assertThat(out.alerts())
                .allSatisfy(
                        a -> assertThat(a.message).contains("one of 3 orders from the same customer within 15 min"));
    }

    @Test
    void anUnreadableMovementIsDeadLetteredWithItsReasonAndRawText() throws Exception {
        String negative = "{\"movement_id\":\"cnt-bad\",\"sku\":\"SKU-1\",\"location\":\"WH-EAST\",\"type\":\"COUNT\","
                + "\"quantity\":-1,\"occurred_at\":\"2026-11-26T11:00:00Z\"}";
        AnomaliesScenario.Results out =
                new AnomaliesScenario().movements(negative).runUntil("2026-11-26T12:00:00Z");

        assertThat(out.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.sourceTopic).isEqualTo(Topics.MOVEMENTS);
            assertThat(d.error).isEqualTo("COUNT quantity must not be negative, got -1");
            assertThat(d.raw).isEqualTo(negative);
        });
        assertThat(out.alerts()).isEmpty();
    }

    @Test
    void movementsAnotherJobOfTheGraphDeadLettersAreNotDeadLetteredTwice() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        AnomaliesSettings settings = new AnomaliesSettings();
        settings.deadLetteredElsewhere.add(Topics.MOVEMENTS);

        AnomaliesOutputs out = AnomaliesTopology.build(
                new AnomaliesInputs(
                        env.fromData(TypeInformation.of(OrderEvent.class), placed("shopify:1", "2026-11-26T10:00:00Z")),
                        env.fromData(TypeInformation.of(AvailabilityUpdate.class), new AvailabilityUpdate()),
                        env.fromData(TypeInformation.of(RawRecord.class), RawRecord.of("{}", 0))),
                settings);

        assertThat(out.deadLetters()).isEmpty();
    }

    /** A PLACED order of one unit of SKU-1 for 20.00 USD by one customer, to one address. */
    private static OrderEvent placed(String orderId, String time) {
        OrderEvent e = new OrderEvent();
        e.eventId = orderId + ":PLACED";
        e.orderId = orderId;
        e.channel = "shopify";
        e.marketplaceOrderId = orderId.substring(orderId.indexOf(':') + 1);
        e.type = OrderEventType.PLACED;
        e.eventTime = at(time);
        e.receivedAt = e.eventTime;
        e.currency = "USD";
        e.total = "20.00";
        e.shipCountry = "US";
        e.shipPostcode = "a1b2c3";
        e.customerEmailHash = "5d41402abc4b2a76b9719d911017c592";
        e.lines = List.of(new OrderLine("SKU-1", 1, "20.00"));
        return e;
    }
}
