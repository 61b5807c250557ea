package io.stockflow.json;

/** A record that cannot be used; the message is the precise reason that goes to {@code deadletter}. */
public final class InvalidRecordException extends Exception {
    public InvalidRecordException(String reason) {
        super(reason, null, false, false);
    }
}
