package io.stockflow.marketsim.core;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.time.Clock;
import java.time.Duration;

/**
 * Registers a channel's endpoints so that each one first passes the channel's failure mode (an outage answers 503, a
 * storm 429 with {@code Retry-After}, slow answers wait), then runs, then is written to the call log under its
 * operation name.
 */
public final class SimRoutes {
    /** A request attribute through which an endpoint names the operation it ran (Shopify's GraphQL path runs several). */
    private static final String OPERATION = "marketsim.operation";

    private final RoutesConfig routes;
    private final Faults faults;
    private final CallLog calls;
    private final Clock clock;

    public SimRoutes(RoutesConfig routes, Faults faults, CallLog calls, Clock clock) {
        this.routes = routes;
        this.faults = faults;
        this.calls = calls;
        this.clock = clock;
    }

    /** Names the operation this request ran, for the call log and counters. */
    public static void operation(Context ctx, String name) {
        ctx.attribute(OPERATION, name);
    }

    public void add(
            HandlerType method,
            String path,
            Channel channel,
            String operation,
            ChannelErrors errors,
            ApiOperation handler) {
        routes.addEndpoint(new Endpoint(method, path, ctx -> answer(ctx, channel, operation, errors, handler)));
    }

    private void answer(Context ctx, Channel channel, String operation, ChannelErrors errors, ApiOperation handler)
            throws Exception {
        Fault fault = faults.current(channel);
        Reply reply;
        switch (fault.kind()) {
            case OUTAGE -> reply = errors.unavailable();
            case STORM ->
                reply = errors.tooManyRequests()
                        .withHeader("Retry-After", Long.toString(retryAfterSeconds(fault.retryAfter())));
            default -> {
                if (fault.kind() == Fault.Kind.SLOW) Thread.sleep(fault.delay().toMillis());
                reply = run(ctx, handler);
            }
        }
        write(ctx, reply);
        String name = ctx.attribute(OPERATION) instanceof String named ? named : operation;
        calls.record(
                new CallLog.Call(clock.instant(), channel, name, ctx.method().name(), ctx.path(), reply.status()));
    }

    /** The operation's answer; a failure of the simulator itself is a 500 that still reaches the call log. */
    private static Reply run(Context ctx, ApiOperation handler) {
        try {
            return handler.handle(ctx);
        } catch (Exception e) {
            return Reply.json(500, Json.object().put("error", "simulator failure: " + e));
        }
    }

    /** {@code Retry-After} in whole seconds, never 0: a client told "0" would retry at once. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private static void write(Context ctx, Reply reply) {
        ctx.status(reply.status());
        reply.headers().forEach(ctx::header);
        if (reply.contentType() != null) ctx.contentType(reply.contentType());
        if (!reply.body().isEmpty()) ctx.result(reply.body());
    }
}
