package io.stockflow.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stockflow.testing.KafkaBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sender's stop against a real KRaft broker (one per test, stopped by the test) and GreenMail: a stop asked while
 * the sender waits on a broker that is gone ends within seconds and is no failure; a broker that goes away while the
 * sender runs is one.
 */
@Timeout(120)
class NotifierStopKafkaITCase {
    /** Well under the 30 s a catch-up waits for the broker before it gives up. */
    private static final Duration PROMPT = Duration.ofSeconds(10);

    @RegisterExtension
    final KafkaBroker broker = new KafkaBroker();

    private GreenMail smtp;
    private Notifier notifier;

    @BeforeEach
    void startSender() throws Exception {
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        NotifyTopics topics = new NotifyTopics(broker, "stop");
        topics.contact("shopify:1001", Fixture.emailContact("shopify:1001", "ada@example.com"));
        notifier = new Notifier(
                NotifySettings.from(
                        // No SMS in these tests: the Twilio address is never called.
                        topics.settings(smtp.getSmtp().getPort(), "http://127.0.0.1:9"),
                        Map.of(NotifySettings.TWILIO_TOKEN_ENV, "unused")),
                new NotifierMetrics(new SimpleMeterRegistry()),
                Clock.systemUTC());
        notifier.start();
        // The sender runs: a notification becomes an email.
        topics.notification("shopify:1001", Fixture.shipped("n-1", "shopify:1001"));
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 1);
    }

    @AfterEach
    void stopSender() throws InterruptedException {
        notifier.halt();
        smtp.stop();
    }

    @Test
    void aStopWhileWaitingOnABrokerThatIsGoneEndsPromptlyAndIsNoFailure() throws Exception {
        broker.stop();
        // The loop is inside a catch-up that waits on the broker, and stays there.
        await().atMost(Duration.ofSeconds(20))
                .during(Duration.ofSeconds(1))
                .until(() -> senderThread()
                        .map(t -> Arrays.stream(t.getStackTrace())
                                .anyMatch(f -> f.getMethodName().equals("catchUp")))
                        .orElse(false));

        CompletableFuture<Boolean> stop = CompletableFuture.supplyAsync(() -> {
            try {
                notifier.close();
                return notifier.awaitStop();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        await().atMost(PROMPT).until(stop::isDone);
        assertThat(stop.get()).as("the sender reports a failure").isFalse();
        assertThat(senderThread()).isEmpty();
    }

    @Test
    void aBrokerThatGoesAwayWhileTheSenderRunsIsAFailure() throws Exception {
        broker.stop();

        CompletableFuture<Boolean> ended = CompletableFuture.supplyAsync(() -> {
            try {
                return notifier.awaitStop();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        // A catch-up gives up on the broker after 30 s, and the sender stops as failed.
        await().atMost(Duration.ofSeconds(60)).until(ended::isDone);
        assertThat(ended.get()).as("the sender reports a failure").isTrue();
    }

    private static Optional<Thread> senderThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("stockflow-notify") && t.isAlive())
                .findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
