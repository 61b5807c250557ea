package io.stockflow.channels.http;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request one channel's client makes, inside that channel's limits: a request rate kept on this side, a timeout
 * per request, retries with exponential backoff on 429, 5xx, timeouts and connection failures (waiting as long as the
 * channel asked, by {@code Retry-After} or a throttle status), and a circuit breaker that makes calls fail fast while
 * the channel is down. Nothing blocks a caller's thread: requests go out with {@code sendAsync}, waits are scheduled.
 *
 * <p>Each channel has its own instance, with its own HTTP client, threads, limiter and breaker, so a slow or failing
 * channel never holds up another. Messages and log lines pass through {@link #scrub(String)}, so no credential of the
 * channel appears in them even when an answer echoes one.
 */
public final class ResilientCalls implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ResilientCalls.class);

    private final String channel;
    private final CallLimits limits;
    private final List<Secret> secrets;
    private final ExecutorService httpThreads;
    private final ScheduledExecutorService timers;
    private final HttpClient http;
    private final AtomicRateLimiter rateLimiter;
    private final CircuitBreaker breaker;
    private final Retry retry;

    /**
     * @param channel  the channel's name, for thread names, messages and logs
     * @param secrets  the channel's credentials, kept out of every message
     * @param clock    what the circuit breaker's open time is measured on
     */
    public ResilientCalls(String channel, CallLimits limits, List<Secret> secrets, Clock clock) {
        this.channel = channel;
        this.limits = limits;
        this.secrets = List.copyOf(secrets);
        this.httpThreads = Executors.newCachedThreadPool(daemon(channel + "-http"));
        this.timers = Executors.newSingleThreadScheduledExecutor(daemon(channel + "-timer"));
        this.http = HttpClient.newBuilder()
                .executor(httpThreads)
                .connectTimeout(limits.requestTimeout())
                .build();
        this.rateLimiter = new AtomicRateLimiter(
                channel,
                RateLimiterConfig.custom()
                        .limitForPeriod(1)
                        .limitRefreshPeriod(refreshPeriod(limits.requestsPerSecond()))
                        .timeoutDuration(limits.rateWait())
                        .build());
        this.breaker = CircuitBreaker.of(
                channel,
                CircuitBreakerConfig.custom()
                        .slidingWindow(
                                limits.breakerWindow(),
                                limits.breakerMinimumCalls(),
                                CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .failureRateThreshold(limits.failureRatePercent())
                        .waitDurationInOpenState(limits.breakerOpenFor())
                        .permittedNumberOfCallsInHalfOpenState(limits.breakerHalfOpenCalls())
                        .ignoreException(ResilientCalls::throttled)
                        .clock(clock)
                        .build());
        this.retry = Retry.of(
                channel,
                RetryConfig.custom()
                        .maxAttempts(limits.maxAttempts())
                        .retryOnException(ResilientCalls::retryable)
                        .intervalBiFunction((IntervalBiFunction<Object>)
                                (retryNumber, outcome) -> wait(retryNumber, outcome.isLeft() ? outcome.getLeft() : null)
                                        .toMillis())
                        .build());
    }

    /**
     * One permit every 1/rate seconds: requests go evenly spaced, so one that waits for the rate waits at most that
     * long, and a rate that is not a whole number (a channel's rate shared among tasks, 5 / 2) is kept, not rounded
     * down.
     */
    private static Duration refreshPeriod(double perSecond) {
        return Duration.ofNanos((long) (1e9 / perSecond));
    }

    /**
     * How long until a request may go without waiting for the rate, in nanoseconds: 0 when it may go now. A caller
     * that batches composes its next request when it may go, so that the request carries the newest values instead of
     * waiting, composed, behind others.
     */
    public long nanosToNextPermit() {
        return Math.max(0, rateLimiter.getDetailedMetrics().getNanosToWait());
    }

    public String channel() {
        return channel;
    }

    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    /**
     * Makes one call: sends the request (built afresh for every attempt), reads the answer, and tries again while the
     * answer or the failure is retryable and attempts are left. Completes with the final answer, or exceptionally with
     * {@link CallFailed}.
     */
    public <T> CompletableFuture<Attempted<T>> call(
            String operation, Supplier<HttpRequest.Builder> request, AnswerReader<T> reader) {
        AtomicInteger sent = new AtomicInteger();
        CompletableFuture<Attempted<T>> result = new CompletableFuture<>();
        retry.executeCompletionStage(timers, () -> attempt(operation, request, reader, sent))
                .whenComplete((answer, error) -> {
                    if (error == null) {
                        result.complete(new Attempted<>(answer, sent.get()));
                    } else {
                        result.completeExceptionally(failed(operation, unwrap(error), sent.get()));
                    }
                });
        return result;
    }

    private <T> CompletableFuture<T> attempt(
            String operation, Supplier<HttpRequest.Builder> request, AnswerReader<T> reader, AtomicInteger sent) {
        if (!breaker.tryAcquirePermission()) {
            return CompletableFuture.failedFuture(CallNotPermittedException.createCallNotPermittedException(breaker));
        }
        long waitNanos = rateLimiter.reservePermission();
        if (waitNanos < 0) {
            breaker.releasePermission();
            return CompletableFuture.failedFuture(new RetryableAnswer(
                    RetryableAnswer.Kind.THROTTLED,
                    0,
                    "no request permit within " + limits.rateWait().toMillis() + " ms",
                    null));
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        Runnable send = () -> {
            long start = System.nanoTime();
            int attempt = sent.incrementAndGet();
            HttpRequest built;
            try {
                built = request.get().timeout(limits.requestTimeout()).build();
            } catch (RuntimeException e) {
                breaker.releasePermission();
                answer.completeExceptionally(e);
                return;
            }
            http.sendAsync(built, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                long took = System.nanoTime() - start;
                if (error != null) {
                    Throwable cause = unwrap(error);
                    breaker.onError(took, TimeUnit.NANOSECONDS, cause);
                    logRetry(operation, attempt, describe(cause));
                    answer.completeExceptionally(cause);
                    return;
                }
                try {
                    T read = reader.read(response);
                    breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                    answer.complete(read);
                } catch (RetryableAnswer retryable) {
                    breaker.onError(took, TimeUnit.NANOSECONDS, retryable);
                    logRetry(operation, attempt, describe(retryable));
                    answer.completeExceptionally(retryable);
                } catch (RuntimeException unreadable) {
                    breaker.onError(took, TimeUnit.NANOSECONDS, unreadable);
                    answer.completeExceptionally(unreadable);
                }
            });
        };
        if (waitNanos == 0) send.run();
        else timers.schedule(send, waitNanos, TimeUnit.NANOSECONDS);
        return answer;
    }

    /** How long to wait before retry number {@code retryNumber}: what the channel asked for, else the backoff. */
    private Duration wait(int retryNumber, Throwable failure) {
        if (unwrap(failure) instanceof RetryableAnswer answer && answer.retryAfter() != null) {
            return answer.retryAfter();
        }
        return limits.backoff(retryNumber);
    }

    private void logRetry(String operation, int attempt, String problem) {
        if (attempt < limits.maxAttempts()) {
            LOG.info(
                    "{} {}: attempt {} of at most {} failed ({})",
                    channel,
                    operation,
                    attempt,
                    limits.maxAttempts(),
                    scrub(problem));
        }
    }

    private CallFailed failed(String operation, Throwable cause, int sent) {
        if (cause instanceof CallNotPermittedException) {
            String what = sent == 0
                    ? "not sent: the circuit breaker is open"
                    : "the circuit breaker opened after " + sent + " failed attempt" + (sent == 1 ? "" : "s");
            return new CallFailed(
                    channel + " " + operation + ": " + what + " (repeated failures of the channel)", sent, true, null);
        }
        String message = scrub(channel + " " + operation + ": no usable answer after " + sent + " attempt"
                + (sent == 1 ? "" : "s") + ": " + describe(cause));
        LOG.warn(message);
        return new CallFailed(message, sent, false, null);
    }

    private static String describe(Throwable cause) {
        if (cause instanceof RetryableAnswer answer) return answer.getMessage();
        if (cause instanceof java.net.http.HttpTimeoutException) return "timed out";
        if (cause instanceof java.net.ConnectException) return "connection refused";
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** The text with every credential of the channel masked. */
    public String scrub(String text) {
        if (text == null) return null;
        String scrubbed = text;
        for (Secret secret : secrets) {
            if (!secret.reveal().isEmpty()) scrubbed = scrubbed.replace(secret.reveal(), Secret.MASK);
        }
        return scrubbed;
    }

    private static boolean retryable(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof RetryableAnswer || cause instanceof IOException;
    }

    private static boolean throttled(Throwable failure) {
        return unwrap(failure) instanceof RetryableAnswer answer && answer.kind() == RetryableAnswer.Kind.THROTTLED;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        timers.shutdownNow();
        httpThreads.shutdownNow();
    }
}
