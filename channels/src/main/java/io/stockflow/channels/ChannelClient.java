package io.stockflow.channels;

import io.stockflow.listing.Channel;
import io.stockflow.listing.Listing;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What channel sync asks of a marketplace, in that marketplace's own API: set listed quantities, read one back for
 * reconciliation, confirm a shipment, cancel an order. Every method returns at once; the futures complete on the client's own threads,
 * so an asynchronous Flink operator can call it without blocking. Each client keeps its channel's limits (request
 * rate, batch sizes), retries what may be retried and has its own circuit breaker.
 */
public interface ChannelClient extends AutoCloseable {
    Channel channel();

    /**
     * Sets absolute quantities, batched as the channel allows. One outcome per push, in the order given; the future
     * itself never fails: a push that got no usable answer is {@link CallStatus#FAILED}.
     */
    CompletableFuture<List<PushOutcome>> setQuantities(List<QuantityPush> pushes);

    /**
     * How long until a call may go without waiting for the channel's request rate, in nanoseconds: 0 when it may go
     * now. A caller that batches waits this long before it composes a call, so that the call carries the newest
     * quantities.
     */
    default long nanosToNextCall() {
        return 0;
    }

    /**
     * The quantity the channel shows now for the listing at the target (as in {@link QuantityPush#target()}). Fails
     * with a {@link ChannelReadFailed} when the channel does not know the listing or gives no usable answer.
     */
    CompletableFuture<Long> readQuantity(Listing listing, String target);

    /**
     * Confirms a shipment of an order from this channel, with carrier and tracking number, once: the order is read
     * first, and a shipment the channel has already (its tracking number) is not sent again. Never fails itself.
     */
    CompletableFuture<ShipmentOutcome> confirmShipment(Shipment shipment);

    /**
     * Cancels an order on this channel with the reason, where its API lets a seller do so; an order the channel shows
     * cancelled already is not cancelled again. Never fails itself; a channel that offers no cancellation answers
     * {@link CallStatus#REFUSED} without a request.
     */
    CompletableFuture<ShipmentOutcome> cancelOrder(Cancellation cancellation);

    @Override
    void close();
}
