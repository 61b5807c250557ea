package io.stockflow.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpisodePacingTest {
    private static final long HOUR = 3_600_000L;

    @Test
    void aCountThatGrowsOneByOneIsSentWhenItDoublesAndOtherwiseOncePerInterval() {
        EpisodePacing pacing = new EpisodePacing(2.0, Duration.ofHours(12));
        List<Long> sent = new ArrayList<>();
        long reported = 1;
        long reportedAt = 0;
        // A line every 10 minutes for two days.
        for (long count = 2; count <= 288; count++) {
            long at = count * HOUR / 6;
            if (pacing.due(count, reported, at, reportedAt)) {
                sent.add(count);
                reported = count;
                reportedAt = at;
            }
        }
        assertThat(sent)
                .as("doublings until 128; then 12 hours (72 lines) come before the next doubling")
                .containsExactly(2L, 4L, 8L, 16L, 32L, 64L, 128L, 200L, 272L);
    }

    @Test
    void aCountThatDidNotMoveIsNeverSentAgain() {
        EpisodePacing pacing = new EpisodePacing(2.0, Duration.ofHours(12));
        assertThat(pacing.due(5, 5, 100 * HOUR, 0)).isFalse();
        assertThat(pacing.due(6, 5, 12 * HOUR, 0)).isTrue();
        assertThat(pacing.due(6, 5, 11 * HOUR, 0)).isFalse();
    }

    @Test
    void aGrowthOfOneOrLessAndAnEmptyIntervalAreRefused() {
        assertThatThrownBy(() -> new EpisodePacing(1.0, Duration.ofHours(1)))
                .hasMessageContaining("growth between updates must be a number above 1");
        assertThatThrownBy(() -> new EpisodePacing(2.0, Duration.ZERO))
                .hasMessageContaining("interval between updates must be positive");
    }
}
