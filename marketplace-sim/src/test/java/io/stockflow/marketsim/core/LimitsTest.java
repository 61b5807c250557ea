package io.stockflow.marketsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.marketsim.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LimitsTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T23:59:00Z"));

    @Test
    void aTokenBucketGrantsItsBurstThenSaysHowLongUntilTheNextToken() {
        TokenBucket bucket = new TokenBucket(5, 2, clock);

        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isEqualTo(Duration.ofMillis(200));
        clock.advance(Duration.ofMillis(100));
        assertThat(bucket.tryTake()).isEqualTo(Duration.ofMillis(100));
        clock.advance(Duration.ofMillis(100));
        assertThat(bucket.tryTake()).isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isPositive();
    }

    @Test
    void aCostBucketRefusesACallItCannotPayInFullAndRestoresOverTime() {
        CostBucket bucket = new CostBucket(100, 50, clock);

        assertThat(bucket.tryCharge(60).status().currentlyAvailable()).isEqualTo(40);
        CostBucket.Charge refused = bucket.tryCharge(60);
        assertThat(refused.granted()).isFalse();
        assertThat(refused.status().currentlyAvailable()).isEqualTo(40);
        clock.advance(Duration.ofSeconds(10));
        assertThat(bucket.tryCharge(0).status().currentlyAvailable()).isEqualTo(100);
    }

    @Test
    void aDailyLimitCountsPerKeyAndStartsAgainAtMidnightInItsZone() {
        DailyLimit utc = new DailyLimit(2, ZoneId.of("UTC"), clock);
        DailyLimit pacific = new DailyLimit(2, ZoneId.of("America/Los_Angeles"), clock);

        assertThat(utc.tryCount("a")).isTrue();
        assertThat(utc.tryCount("a")).isTrue();
        assertThat(utc.tryCount("a")).isFalse();
        assertThat(utc.tryCount("b")).isTrue();
        pacific.tryCount("a");
        pacific.tryCount("a");

        clock.advance(Duration.ofMinutes(1));
        assertThat(utc.tryCount("a")).isTrue();
        assertThat(pacific.tryCount("a")).isFalse();
        assertThat(utc.snapshot().get("a")).containsEntry("2026-12-07", 2).containsEntry("2026-12-08", 1);
    }

    @Test
    void aTimedFaultEndsOnTheClockAndAnOpenOneLastsUntilSwitchedBack() {
        Faults faults = new Faults(clock);
        faults.outage(Channel.EBAY, Duration.ofSeconds(30));
        faults.storm(Channel.AMAZON, null, Duration.ofSeconds(2));

        clock.advance(Duration.ofSeconds(30));

        assertThat(faults.current(Channel.EBAY)).isEqualTo(Fault.NORMAL);
        assertThat(faults.current(Channel.AMAZON).kind()).isEqualTo(Fault.Kind.STORM);
        faults.normal(Channel.AMAZON);
        assertThat(faults.current(Channel.AMAZON)).isEqualTo(Fault.NORMAL);
    }
}
