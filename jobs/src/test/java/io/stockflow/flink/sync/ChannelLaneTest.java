package io.stockflow.flink.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.channels.Cancellation;
import io.stockflow.channels.ChannelClient;
import io.stockflow.channels.PushOutcome;
import io.stockflow.channels.QuantityPush;
import io.stockflow.channels.Shipment;
import io.stockflow.channels.ShipmentOutcome;
import io.stockflow.listing.Channel;
import io.stockflow.listing.ListedQuantity;
import io.stockflow.listing.Listing;
import io.stockflow.listing.ListingPush;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One channel's lane with a client whose calls the test answers: batches of what waits, one push per target on its
 * way, the newest quantity replacing a waiting one, no older version after a newer one, sell-outs and returns to stock
 * first, and calls composed when the channel's rate lets them go.
 */
class ChannelLaneTest {
    /** A channel client that keeps each call until the test answers it. */
    static final class HeldCalls implements ChannelClient {
        final List<List<QuantityPush>> calls = new ArrayList<>();
        final List<CompletableFuture<List<PushOutcome>>> answers = new ArrayList<>();
        /** Whether the channel's rate lets a call go; while it does not, the next permit is always 20 ms away. */
        volatile boolean rateAllowsACall = true;

        @Override
        public long nanosToNextCall() {
            return rateAllowsACall ? 0 : TimeUnit.MILLISECONDS.toNanos(20);
        }

        @Override
        public Channel channel() {
            return Channel.SHOPIFY;
        }

        @Override
        public synchronized CompletableFuture<List<PushOutcome>> setQuantities(List<QuantityPush> pushes) {
            calls.add(pushes);
            CompletableFuture<List<PushOutcome>> answer = new CompletableFuture<>();
            answers.add(answer);
            return answer;
        }

        void acceptCall(int n) {
            answers.get(n)
                    .complete(calls.get(n).stream()
                            .map(p -> PushOutcome.accepted(p, 1))
                            .toList());
        }

        List<String> call(int n) {
            return calls.get(n).stream()
                    .map(p -> p.listing().id("inventory_item_id") + "=" + p.quantity())
                    .toList();
        }

        @Override
        public CompletableFuture<Long> readQuantity(Listing listing, String target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<ShipmentOutcome> confirmShipment(Shipment shipment) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<ShipmentOutcome> cancelOrder(Cancellation cancellation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
    }

    final HeldCalls client = new HeldCalls();
    final List<String> heard = new ArrayList<>();
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    ChannelLane lane(int batchSize, int callsInFlight) {
        return new ChannelLane(client, batchSize, callsInFlight, Clock.systemUTC(), timer);
    }

    static ListingPush push(String item, long quantity, long version) {
        Listing listing = new Listing("SKU-" + item, Channel.SHOPIFY, Map.of("inventory_item_id", item));
        return ListingPush.of(new ListedQuantity(listing, "gid://shopify/Location/1", quantity, quantity), version, 0);
    }

    void submit(ChannelLane lane, String item, long quantity, long version) {
        lane.submit(push(item, quantity, version), records -> {
            synchronized (heard) {
                heard.add(item + "=" + quantity + ":"
                        + (records.isEmpty()
                                ? "conflated"
                                : records.stream().map(r -> r.status).toList().get(0)));
            }
        });
    }

    @Test
    void whatWaitsWhileTheCallIsOnItsWayGoesInOneBatchWithOnlyTheNewestQuantityOfEachTarget() {
        ChannelLane lane = lane(250, 1);
        submit(lane, "A", 5, 1);
        submit(lane, "A", 4, 2);
        submit(lane, "B", 9, 1);
        submit(lane, "A", 3, 3);
        assertThat(client.calls).hasSize(1);
        assertThat(client.call(0)).containsExactly("A=5");
        assertThat(heard).containsExactly("A=4:conflated");

        client.acceptCall(0);
        assertThat(client.calls).hasSize(2);
        // A waited first: its newest quantity keeps A's place ahead of B.
        assertThat(client.call(1)).containsExactly("A=3", "B=9");
        client.acceptCall(1);
        assertThat(heard).containsExactly("A=4:conflated", "A=5:ACCEPTED", "A=3:ACCEPTED", "B=9:ACCEPTED");
    }

    @Test
    void aTargetNeverHasTwoPushesOnTheirWayAndAnOlderVersionIsNotSentAfterANewerOne() {
        ChannelLane lane = lane(250, 4);
        submit(lane, "A", 5, 2);
        submit(lane, "A", 4, 3);
        submit(lane, "B", 1, 1);
        assertThat(client.calls).hasSize(2);
        assertThat(client.call(0)).containsExactly("A=5");
        assertThat(client.call(1)).containsExactly("B=1");

        client.acceptCall(0);
        assertThat(client.call(2)).containsExactly("A=4");
        submit(lane, "A", 7, 1);
        client.acceptCall(1);
        client.acceptCall(2);

        assertThat(client.calls).hasSize(3);
        assertThat(heard).containsExactlyInAnyOrder("A=5:ACCEPTED", "B=1:ACCEPTED", "A=4:ACCEPTED", "A=7:conflated");
    }

    @Test
    void sellOutsAndReturnsToStockGoAheadOfTheOtherChanges() {
        ChannelLane lane = lane(1, 1);
        submit(lane, "A", 5, 1);
        submit(lane, "B", 1, 1);
        submit(lane, "C", 7, 1);
        // D sells out while B and C wait: D goes first.
        submit(lane, "D", 0, 1);
        client.acceptCall(0);
        client.acceptCall(1);
        client.acceptCall(2);
        client.acceptCall(3);
        submit(lane, "B", 0, 2);
        submit(lane, "E", 3, 1);
        // B comes back in stock while its 0 is on its way and E waits: B's return to stock goes first.
        submit(lane, "B", 2, 3);
        client.acceptCall(4);
        client.acceptCall(5);
        client.acceptCall(6);

        assertThat(client.calls)
                .extracting(call -> call.get(0).listing().id("inventory_item_id") + "="
                        + call.get(0).quantity())
                .containsExactly("A=5", "D=0", "B=1", "C=7", "B=0", "B=2", "E=3");
    }

    @Test
    void aCallIsComposedWhenTheChannelsRateLetsItGoSoItCarriesWhatCameMeanwhile() {
        client.rateAllowsACall = false;
        ChannelLane lane = lane(250, 4);
        submit(lane, "A", 5, 1);
        submit(lane, "B", 4, 1);
        submit(lane, "A", 0, 2);
        assertThat(client.calls).as("the rate does not let a call go yet").isEmpty();

        client.rateAllowsACall = true;
        // The lane's timer makes the call, on its own thread.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            synchronized (client) {
                return client.calls.size() == 1;
            }
        });
        assertThat(client.call(0)).containsExactly("A=0", "B=4");
        assertThat(heard).containsExactly("A=5:conflated");
    }
}
