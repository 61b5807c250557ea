package io.stockflow.channels;

/**
 * What became of one push: its status, the channel's reason when it was not accepted (its error code and message),
 * and how many requests were sent for it (0 when the circuit breaker refused the call).
 */
public record PushOutcome(QuantityPush push, CallStatus status, String reason, int attempts) {
    public static PushOutcome accepted(QuantityPush push, int attempts) {
        return new PushOutcome(push, CallStatus.ACCEPTED, null, attempts);
    }
}
