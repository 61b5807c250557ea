package io.stockflow.channels;

import io.stockflow.channels.http.ResilientCalls;
import io.stockflow.listing.Channel;
import java.time.Clock;
import java.util.Arrays;

/**
 * What every channel's client is made of: its settings, the clock its waits and breaker are measured on, and its own
 * {@link ResilientCalls}, which every request of the client goes through (the channel's limits, retries and circuit
 * breaker) and which keeps the channel's credentials out of every message.
 */
abstract class ResilientChannelClient implements ChannelClient {
    private final Channel channel;
    protected final ChannelSettings settings;
    protected final Clock clock;
    protected final ResilientCalls calls;

    /** @param credentials the names of the channel's credentials in the settings, all kept out of messages */
    ResilientChannelClient(Channel channel, ChannelSettings settings, Clock clock, String... credentials) {
        this.channel = channel;
        this.settings = settings;
        this.clock = clock;
        this.calls = new ResilientCalls(
                channel.wireName(),
                settings.limits(),
                Arrays.stream(credentials).map(settings::credential).toList(),
                clock);
    }

    @Override
    public final Channel channel() {
        return channel;
    }

    @Override
    public final long nanosToNextCall() {
        return calls.nanosToNextPermit();
    }

    @Override
    public final void close() {
        calls.close();
    }
}
