package io.stockflow.notifier.send;

/**
 * A send that did not go through. {@code permanent}: the provider refused this message (a rejected address, an invalid
 * number) and trying again cannot help; otherwise the provider could not be reached or was busy, and a retry may.
 * The message never contains the recipient's address: senders build it from codes and status lines they redact.
 */
public final class SendFailure extends Exception {
    private final boolean permanent;

    public SendFailure(String reason, boolean permanent) {
        super(reason);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
