package io.stockflow.channels;

/** A quantity read that gave no quantity: the listing is unknown to the channel, or no usable answer came. */
public final class ChannelReadFailed extends RuntimeException {
    public ChannelReadFailed(String message) {
        super(message, null, false, false);
    }
}
