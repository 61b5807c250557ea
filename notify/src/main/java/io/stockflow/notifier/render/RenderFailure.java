package io.stockflow.notifier.render;

/** A message that cannot be rendered; the message is the reason a dead letter carries. */
public final class RenderFailure extends Exception {
    public RenderFailure(String reason) {
        super(reason);
    }

    public RenderFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
