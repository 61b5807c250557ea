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

    @Test
    void aHistorySpreadsItsOrdersOverTheSpanSoThatTheyShipAndStockIsReceived() {
        GeneratorSettings s = BenchTraffic.history(42, 50, 4, 3_000, Duration.ofDays(30));

        assertThat(s.ordersPerHour).isCloseTo(3_000 / 720.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(s.start.plus(s.duration)).isBetween(Instant.now().minusSeconds(2), Instant.now());
        java.util.Map<String, Integer> byTopic = new java.util.HashMap<>();
        var records = new io.stockflow.generate.TrafficGenerator(s).records();
        int orders = 0;
        while (orders < 3_000 && records.hasNext()) {
            var r = records.next();
            byTopic.merge(r.topic, 1, Integer::sum);
            if (r.topic.equals(io.stockflow.generate.GeneratedRecord.ORDERS_RAW)) orders++;
        }
        assertThat(orders).isEqualTo(3_000);
        // Over a month, most orders ship before the history ends, and receipts come on top of the opening counts.
        assertThat(byTopic.get(io.stockflow.generate.GeneratedRecord.FULFILMENT_EVENTS))
                .isGreaterThan(2_000);
        assertThat(byTopic.get(io.stockflow.generate.GeneratedRecord.INVENTORY_MOVEMENTS))
                .isGreaterThan(4 * 50);
    }
}
