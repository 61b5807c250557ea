package io.stockflow.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A launcher of its own for {@link LocalKafkaLifetimeITCase}: starts a broker that ends with it, prints its pid, and
 * on a signal stops it as the demo does, last, after saying whether the broker was still up at that moment.
 */
public final class BrokerLauncher {
    /** How long the stop waits for a broker that the signal reached to end by itself: Kafka ends in about 2 s. */
    static final Duration SIGNAL_REACHED_WITHIN = Duration.ofSeconds(5);

    static final String STARTED = "broker pid ";
    static final String UP_AT_STOP = "the broker was up until the launcher stopped it";
    static final String ENDED_BY_SIGNAL = "the broker ended by itself on the launcher's signal";

    private BrokerLauncher() {}

    /** Arguments: home, broker jars, port, controller port. */
    public static void main(String[] args) throws Exception {
        LocalKafka kafka = new LocalKafka(
                Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        ProcessHandle broker = kafka.start(Duration.ofSeconds(60), ChildLifetime.ENDS_WITH_LAUNCHER)
                .toHandle();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.onExit().get(SIGNAL_REACHED_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
                System.out.println(ENDED_BY_SIGNAL);
            } catch (java.util.concurrent.TimeoutException stillUp) {
                System.out.println(UP_AT_STOP);
                try {
                    LocalKafka.stop(broker, Duration.ofSeconds(15));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } catch (Exception e) {
                System.out.println("stop failed: " + e);
            }
            System.out.flush();
        }));
        System.out.println(STARTED + broker.pid());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
