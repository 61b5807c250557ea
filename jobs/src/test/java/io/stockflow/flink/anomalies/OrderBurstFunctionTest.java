package io.stockflow.flink.anomalies;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.alert.Alert;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderBurstFunctionTest {
    static final long MIN = 60_000L;
    private KeyedOneInputStreamOperatorTestHarness<String, BurstInput, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(
                        new OrderBurstFunction(Duration.ofMinutes(15), 3, 5, new DecisionClock(true))),
                in -> in.identity,
                Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    static BurstInput order(String id, long at) {
        OrderEvent e = new OrderEvent();
        e.orderId = id;
        e.eventId = id + ":create";
        e.channel = "shopify";
        e.type = OrderEventType.PLACED;
        e.eventTime = at;
        return new BurstInput(BurstInput.CUSTOMER, "customer:abc", e);
    }

    private void send(BurstInput in) throws Exception {
        harness.processElement(new StreamRecord<>(in, in.order.eventTime));
    }

    private List<String> flagged() {
        return harness.extractOutputValues().stream().map(a -> a.orderId).collect(Collectors.toList());
    }

    @Test
    void theThirdOrderWithinTheWindowFlagsTheWholeBurstThenEachLaterOne() throws Exception {
        send(order("o1", 0));
        send(order("o2", 4 * MIN));
        assertThat(flagged()).isEmpty();
        send(order("o3", 9 * MIN));
        assertThat(flagged()).containsExactly("o1", "o2", "o3");
        assertThat(harness.extractOutputValues()).allSatisfy(a -> {
            assertThat(a.eventTime).as("known when the third came").isEqualTo(9 * MIN);
            assertThat(a.message).contains("one of 3 orders from the same customer within 15 min");
            assertThat(a.evidenceJson).contains("\"order_ids\":[\"o1\",\"o2\",\"o3\"]");
        });
        send(order("o3", 10 * MIN));
        send(order("o4", 12 * MIN));
        assertThat(flagged()).as("a retried delivery adds nothing").containsExactly("o1", "o2", "o3", "o4");
    }

    @Test
    void anAddressIsABuildingNeverAPostcodeAlone() {
        OrderEvent e = order("o1", 0).order;
        e.shipCountry = "US";
        e.shipPostcode = "10001";
        List<BurstInput> identities = new ArrayList<>();
        BurstInput.of(e, new ListCollector<>(identities));
        assertThat(identities).as("no customer, no street: no identity").isEmpty();
        e.shipAddressHash = "ab12";
        BurstInput.of(e, new ListCollector<>(identities));
        assertThat(identities).singleElement().satisfies(in -> {
            assertThat(in.identity).isEqualTo("address:ab12");
            assertThat(in.keyUsed()).isEqualTo("country+postcode+street");
        });
    }

    @Test
    void anAddressBurstSaysWhichKeyItWasJudgedOn() throws Exception {
        for (int i = 1; i <= 5; i++) {
            BurstInput in = order("o" + i, i * MIN);
            send(new BurstInput(BurstInput.ADDRESS, "address:ab12", in.order));
        }
        assertThat(flagged()).as("the fifth order to one building").containsExactly("o1", "o2", "o3", "o4", "o5");
        assertThat(harness.extractOutputValues())
                .allSatisfy(a -> assertThat(a.evidenceJson)
                        .contains("\"model\":\"address-burst\"")
                        .contains("\"identity_key\":\"country+postcode+street\""));
    }

    @Test
    void ordersFurtherApartAreNoBurstAndTheStateEndsAWindowAfterTheLast() throws Exception {
        send(order("o1", 0));
        send(order("o2", 10 * MIN));
        send(order("o3", 20 * MIN));
        assertThat(flagged()).isEmpty();
        harness.processWatermark(35 * MIN);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }
}
