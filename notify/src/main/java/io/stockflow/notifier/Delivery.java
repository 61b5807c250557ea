package io.stockflow.notifier;

import io.stockflow.notifier.contacts.Contact;
import io.stockflow.notifier.render.RenderedMessage;
import io.stockflow.notifier.send.EmailSender;
import io.stockflow.notifier.send.MessageChannel;
import io.stockflow.notifier.send.RatePacer;
import io.stockflow.notifier.send.RetryPolicy;
import io.stockflow.notifier.send.SendFailure;
import io.stockflow.notifier.send.SmsSender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one claimed notification on its channels: each send waits for its channel's rate slot, a transient failure is
 * retried with backoff up to the policy's attempts, a permanent one is not. The result lists the reason of each channel
 * that failed for good (empty: all sent).
 */
final class Delivery {
    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    private final EmailSender email;
    private final SmsSender sms;
    private final RatePacer emailPacer;
    private final RatePacer smsPacer;
    private final RetryPolicy retry;
    private final NotifierMetrics metrics;

    Delivery(EmailSender email, SmsSender sms, NotifySettings settings, NotifierMetrics metrics) {
        this.email = email;
        this.sms = sms;
        this.emailPacer = new RatePacer(settings.emailPerSecond());
        this.smsPacer = new RatePacer(settings.smsPerSecond());
        this.retry = settings.retry();
        this.metrics = metrics;
    }

    /** The reasons of the channels that failed for good; {@code stop} ends the retries early (a shutdown). */
    List<String> deliver(
            String notificationId,
            Contact contact,
            RenderedMessage message,
            Set<MessageChannel> channels,
            BooleanSupplier stop)
            throws InterruptedException {
        List<String> failures = new ArrayList<>();
        for (MessageChannel channel : channels) {
            String reason = deliverOn(channel, notificationId, contact, message, stop);
            if (reason != null) failures.add(channel.tag() + ": " + reason);
        }
        return failures;
    }

    private String deliverOn(
            MessageChannel channel,
            String notificationId,
            Contact contact,
            RenderedMessage message,
            BooleanSupplier stop)
            throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            (channel == MessageChannel.EMAIL ? emailPacer : smsPacer).acquire();
            long started = System.nanoTime();
            try {
                if (channel == MessageChannel.EMAIL) email.send(contact.email(), notificationId, message.email());
                else sms.send(contact.phone(), message.sms());
                metrics.sent(channel, Duration.ofNanos(System.nanoTime() - started));
                LOG.info("sent {} {} by {} ({})", notificationId, message.template(), channel.tag(), contact.orderId());
                return null;
            } catch (SendFailure failure) {
                String reason = contact.redact(failure.getMessage());
                if (failure.permanent() || attempt >= retry.maxAttempts() || stop.getAsBoolean()) {
                    metrics.failed(channel);
                    String why = failure.permanent() ? reason : reason + ", after " + attempt + " attempts";
                    LOG.warn("could not send {} by {}: {}", notificationId, channel.tag(), why);
                    return why;
                }
                metrics.retried(channel);
                Duration backoff = retry.backoffAfter(attempt);
                LOG.info(
                        "retrying {} by {} in {} (attempt {}): {}",
                        notificationId,
                        channel.tag(),
                        backoff,
                        attempt,
                        reason);
                Thread.sleep(backoff.toMillis());
            }
        }
    }
}
