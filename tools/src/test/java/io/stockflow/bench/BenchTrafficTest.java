package io.stockflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.generate.GeneratorSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BenchTrafficTest {
    @Test
    void theTrafficEndsAboutNowSoThatTheProbesWallClockOrdersContinueItsEventTime() {
        Instant before = Instant.now();
        GeneratorSettings s = BenchTraffic.settings(42, 100, 4, 360_000);

        // 360,000 orders at 360,000 an hour: the traffic spans the hour before now.
        Instant end = s.start.plus(Duration.ofHours(1));
        assertThat(end).isBetween(before.minusSeconds(1), Instant.now());
    }
}
