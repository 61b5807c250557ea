package io.stockflow.notifier.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RatePacerTest {
    @Test
    void sendsAreSpacedToTheRateTheFirstGoesAtOnce() throws InterruptedException {
        RatePacer pacer = new RatePacer(20);

        long started = System.nanoTime();
        assertThat(pacer.acquire()).isZero();
        for (int i = 0; i < 4; i++) pacer.acquire();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(195));
    }

    @Test
    void aRateOfZeroDoesNotPace() throws InterruptedException {
        RatePacer pacer = new RatePacer(0);

        for (int i = 0; i < 100; i++) assertThat(pacer.acquire()).isZero();
    }

    @Test
    void backoffGrowsByTheMultiplierUpToTheMaximum() {
        RetryPolicy retry = new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0);

        assertThat(retry.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(retry.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(retry.backoffAfter(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(retry.backoffAfter(6)).isEqualTo(Duration.ofSeconds(30));
    }
}
