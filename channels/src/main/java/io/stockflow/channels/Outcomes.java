package io.stockflow.channels;

import io.stockflow.channels.http.CallFailed;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** What the clients share in turning calls into outcomes. */
final class Outcomes {
    private Outcomes() {}

    /** The cause of a failed call, as {@link CallFailed} when it is one. */
    static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) cause = cause.getCause();
        return cause;
    }

    static int attempts(Throwable failure) {
        return cause(failure) instanceof CallFailed failed ? failed.attempts() : 0;
    }

    static String reason(Throwable failure) {
        Throwable cause = cause(failure);
        return cause instanceof CallFailed
                ? cause.getMessage()
                : "client failure: " + cause.getClass().getSimpleName();
    }

    /** Every push of a call that got no usable answer. */
    static List<PushOutcome> failed(List<QuantityPush> pushes, Throwable failure) {
        return pushes.stream()
                .map(push -> new PushOutcome(push, CallStatus.FAILED, reason(failure), attempts(failure)))
                .toList();
    }

    /** The outcomes of several calls, in the order of their batches. */
    static CompletableFuture<List<PushOutcome>> concat(List<CompletableFuture<List<PushOutcome>>> calls) {
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                .thenApply(done ->
                        calls.stream().flatMap(call -> call.join().stream()).toList());
    }

    /** A shipment outcome from a failed call. */
    static ShipmentOutcome failedShipment(Throwable failure) {
        return new ShipmentOutcome(CallStatus.FAILED, reason(failure), attempts(failure), false);
    }
}
