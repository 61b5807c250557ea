package io.stockflow.channels;

import io.stockflow.channels.http.Attempted;
import java.util.concurrent.CompletableFuture;

/**
 * A read's answer inside a client: the quantity, or why there is none (the channel does not know the listing). Kept
 * apart from exceptions so that a listing the channel does not know never counts against the circuit breaker.
 */
record QuantityRead(Long quantity, String problem) {
    static QuantityRead of(long quantity) {
        return new QuantityRead(quantity, null);
    }

    static QuantityRead missing(String problem) {
        return new QuantityRead(null, problem);
    }

    /** The quantity, or a {@link ChannelReadFailed} with the problem or the call's failure. */
    static CompletableFuture<Long> settle(CompletableFuture<Attempted<QuantityRead>> call) {
        return call.handle((answer, failure) -> {
            if (failure != null) throw new ChannelReadFailed(Outcomes.reason(failure));
            if (answer.answer().quantity() == null)
                throw new ChannelReadFailed(answer.answer().problem());
            return answer.answer().quantity();
        });
    }
}
