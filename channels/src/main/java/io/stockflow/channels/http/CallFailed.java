package io.stockflow.channels.http;

/**
 * A call that got no usable answer: its retries ran out, its time ran out, or the channel's circuit breaker is open
 * and the call was not made. The message names the channel, the operation and the last problem, never a credential.
 */
public final class CallFailed extends Exception {
    private final int attempts;
    private final boolean breakerOpen;

    public CallFailed(String message, int attempts, boolean breakerOpen, Throwable cause) {
        super(message, cause);
        this.attempts = attempts;
        this.breakerOpen = breakerOpen;
    }

    /** Requests actually sent; 0 when the breaker refused the call. */
    public int attempts() {
        return attempts;
    }

    public boolean breakerOpen() {
        return breakerOpen;
    }
}
