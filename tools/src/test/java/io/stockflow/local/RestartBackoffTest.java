package io.stockflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void aProcessFoundGoneIsStartedAtOnceThenAfterAPauseThatDoublesUpToAMinute() {
        RestartBackoff backoff = new RestartBackoff();
        Instant now = T0;

        assertThat(backoff.gone(now)).contains(Duration.ZERO);
        assertThat(backoff.due(now)).isTrue();
        backoff.started(now);

        long[] pauses = {1, 2, 4, 8, 16, 32, 60, 60};
        for (long seconds : pauses) {
            now = now.plusSeconds(3);
            assertThat(backoff.gone(now)).contains(Duration.ofSeconds(seconds));
            assertThat(backoff.gone(now.plusMillis(1))).as("scheduled once").isEmpty();
            assertThat(backoff.due(now.plusSeconds(seconds).minusMillis(1))).isFalse();
            now = now.plusSeconds(seconds);
            assertThat(backoff.due(now)).isTrue();
            backoff.started(now);
        }
    }

    @Test
    void aProcessThatRanTwoMinutesIsStartedAtOnceAgain() {
        RestartBackoff backoff = new RestartBackoff();
        backoff.gone(T0);
        backoff.started(T0);
        backoff.gone(T0.plusSeconds(1));
        backoff.started(T0.plusSeconds(2));

        Instant later = T0.plusSeconds(2).plus(RestartBackoff.STABLE).plusSeconds(1);
        assertThat(backoff.gone(later)).contains(Duration.ZERO);
        assertThat(backoff.due(later)).isTrue();
    }

    @Test
    void aRunningProcessIsNeverDue() {
        assertThat(new RestartBackoff().due(T0)).isFalse();
    }
}
