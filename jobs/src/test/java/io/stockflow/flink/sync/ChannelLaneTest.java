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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * One channel's lane with a client whose calls the test answers: batches of what waits, one push per target on its
 * way, the newest quantity replacing a waiting one, no older version after a newer one.
 */
class ChannelLaneTest {
    /** A channel client that keeps each call until the test answers it. */
    static final class HeldCalls implements ChannelClient {
        final List<List<QuantityPush>> calls = new ArrayList<>();
        final List<CompletableFuture<List<PushOutcome>>> answers = new ArrayList<>();

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
        ChannelLane lane = new ChannelLane(client, 250, 1, Clock.systemUTC());
        submit(lane, "A", 5, 1);
        submit(lane, "A", 4, 2);
        submit(lane, "B", 9, 1);
        submit(lane, "A", 3, 3);
        assertThat(client.calls).hasSize(1);
        assertThat(client.call(0)).containsExactly("A=5");
        assertThat(heard).containsExactly("A=4:conflated");

        client.acceptCall(0);
        assertThat(client.calls).hasSize(2);
        assertThat(client.call(1)).containsExactly("B=9", "A=3");
        client.acceptCall(1);
        assertThat(heard).containsExactly("A=4:conflated", "A=5:ACCEPTED", "B=9:ACCEPTED", "A=3:ACCEPTED");
    }

    @Test
    void aTargetNeverHasTwoPushesOnTheirWayAndAnOlderVersionIsNotSentAfterANewerOne() {
        ChannelLane lane = new ChannelLane(client, 250, 4, Clock.systemUTC());
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
}
