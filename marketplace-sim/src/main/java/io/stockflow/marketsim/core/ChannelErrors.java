package io.stockflow.marketsim.core;

/** How a channel says "down" and "slow down" in its own error shape, for the failure modes. */
public interface ChannelErrors {
    /** The answer during an outage: 503 in the channel's error shape. */
    Reply unavailable();

    /** The answer during a 429 storm, in the channel's error shape; the router adds {@code Retry-After}. */
    Reply tooManyRequests();
}
