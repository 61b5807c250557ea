package io.stockflow.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.ingest.IngestLimits;
import io.stockflow.ingest.OrderEnvelopeParser;
import io.stockflow.json.InvalidRecordException;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two days at 150 orders an hour with anomalies injected after the first: what the labels say is in the records. */
class AnomalyInjectionTest {
    static GeneratorSettings settings;
    static List<GeneratedRecord> records = new ArrayList<>();
    static List<AnomalyLabel> labels;
    static List<OrderEvent> placed = new ArrayList<>();

    @BeforeAll
    static void generate() throws InvalidRecordException {
        settings = new GeneratorSettings();
        settings.seed = 5;
        settings.duration = Duration.ofDays(2);
        settings.ordersPerHour = 150;
        settings.injectAnomalies = true;
        TrafficGenerator.Scenario scenario = new TrafficGenerator(settings).scenario();
        scenario.forEachRemaining(records::add);
        labels = scenario.labels();
        OrderEnvelopeParser parser = new OrderEnvelopeParser(IngestLimits.DEFAULTS);
        for (GeneratedRecord r : records) {
            if (!r.topic.equals(GeneratedRecord.ORDERS_RAW) || r.isBad()) continue;
            OrderEvent e = parser.parse(r.value.getBytes(StandardCharsets.UTF_8));
            if (e.type == OrderEventType.PLACED) placed.add(e);
        }
    }

    @Test
    void everyTypeIsInjectedAfterTheWarmUp() {
        Set<String> types = labels.stream().map(l -> l.type).collect(Collectors.toSet());
        assertThat(types)
                .containsExactlyInAnyOrder(
                        "DEMAND_SPIKE",
                        "DEMAND_DROP",
                        "FEED_SILENT",
                        "SUSPICIOUS_ORDER",
                        "REFUND_SPIKE",
                        "STOCKOUT_PREDICTED",
                        "LEDGER_MISMATCH");
        long warmUp = settings.start.plus(settings.anomalyWarmUp).toEpochMilli();
        assertThat(labels).allSatisfy(l -> {
            assertThat(l.start).isGreaterThanOrEqualTo(warmUp - 1000);
            assertThat(l.end).isGreaterThan(l.start);
        });
        assertThat(labels.get(0).toJson())
                .startsWith("{\"type\":")
                .contains("\"subject\":{")
                .contains("\"start\":\"2026-11-03T");
    }

    @Test
    void theSameSeedInjectsTheSame() {
        TrafficGenerator.Scenario again = new TrafficGenerator(settings).scenario();
        List<GeneratedRecord> twice = new ArrayList<>();
        again.forEachRemaining(twice::add);
        assertThat(twice).isEqualTo(records);
        assertThat(again.labels())
                .extracting(AnomalyLabel::toJson)
                .containsExactlyElementsOf(
                        labels.stream().map(AnomalyLabel::toJson).collect(Collectors.toList()));
    }

    /** Orders placed just before a window may reach their marketplace event inside it (Amazon confirms later). */
    static final long SLACK = 10 * 60_000L;

    @Test
    void aSilentChannelPlacesNoOrderAndADroppedSkuSellsNothing() {
        for (AnomalyLabel l : labels) {
            if (l.type.equals("FEED_SILENT")) {
                assertThat(placed)
                        .noneMatch(e ->
                                e.channel.equals(l.channel) && e.eventTime >= l.start + SLACK && e.eventTime < l.end);
                assertThat(placed)
                        .anyMatch(e -> !e.channel.equals(l.channel) && e.eventTime >= l.start && e.eventTime < l.end);
            }
            if (l.type.equals("DEMAND_DROP")) {
                assertThat(placed)
                        .noneMatch(e -> e.eventTime >= l.start + SLACK
                                && e.eventTime < l.end
                                && e.lines.stream().anyMatch(line -> line.sku.equals(l.sku)));
            }
        }
    }

    @Test
    void aSpikeMultipliesTheSkusOrders() {
        AnomalyLabel spike = labels.stream()
                .filter(l -> l.type.equals("DEMAND_SPIKE"))
                .findFirst()
                .orElseThrow();
        long during = linesOf(spike.sku, spike.start, spike.end);
        long dayBefore = linesOf(spike.sku, spike.start - 86_400_000L, spike.end - 86_400_000L);
        assertThat(during).isGreaterThan(3 * Math.max(dayBefore, 3));
    }

    @Test
    void suspiciousOrdersAreThereUnderTheirIds() {
        Set<String> ids = placed.stream().map(e -> e.orderId).collect(Collectors.toSet());
        List<AnomalyLabel> suspicious =
                labels.stream().filter(l -> l.type.equals("SUSPICIOUS_ORDER")).collect(Collectors.toList());
        assertThat(suspicious).isNotEmpty().allSatisfy(l -> assertThat(ids).contains(l.orderId));
    }

    @Test
    void withoutInjectionThereAreNoLabels() {
        GeneratorSettings plain = new GeneratorSettings();
        plain.duration = Duration.ofHours(2);
        TrafficGenerator.Scenario scenario = new TrafficGenerator(plain).scenario();
        scenario.forEachRemaining(r -> {});
        assertThat(scenario.labels()).isEmpty();
    }

    private static long linesOf(String sku, long from, long to) {
        long n = 0;
        for (OrderEvent e : placed) {
            if (e.eventTime < from || e.eventTime >= to) continue;
            for (OrderLine line : e.lines) if (line.sku.equals(sku)) n++;
        }
        return n;
    }
}
