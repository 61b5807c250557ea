package io.stockflow.notifier.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActiveAlertsTest {
    private static final AlertLinks LINKS = new AlertLinks(URI.create("http://127.0.0.1:8070"));
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final ActiveAlerts active = new ActiveAlerts(Duration.ofHours(4), Duration.ofMinutes(1));

    private static AlertRecord record(String id) throws AlertRecord.Unreadable {
        return AlertRecord.read(PostableAlertTest.alert(id, "LOW_STOCK", "WARNING", "{\"sku\":\"S\"}"));
    }

    @Test
    void aNewAlertEndsFourRepostIntervalsAheadAndIsPostedAgainEachInterval() throws Exception {
        PostableAlert first = active.take(record("a"), 0, T0, T0, LINKS);

        assertThat(first.endsAt()).isEqualTo(T0.plus(Duration.ofMinutes(4)));
        assertThat(active.due(T0.plusSeconds(30), LINKS)).isEmpty();
        List<PostableAlert> again = active.due(T0.plusSeconds(60), LINKS);
        assertThat(again)
                .singleElement()
                .satisfies(
                        p -> assertThat(p.endsAt()).isEqualTo(T0.plusSeconds(60).plus(Duration.ofMinutes(4))));
        assertThat(active.due(T0.plusSeconds(90), LINKS)).isEmpty();
    }

    @Test
    void anAlertEndsActiveForAfterItWasWrittenAndIsThenForgotten() throws Exception {
        active.take(record("a"), 0, T0, T0, LINKS);
        Instant late = T0.plus(Duration.ofHours(4)).minusSeconds(30);

        assertThat(active.due(late, LINKS))
                .singleElement()
                .satisfies(p -> assertThat(p.endsAt()).isEqualTo(T0.plus(Duration.ofHours(4))));
        assertThat(active.due(T0.plus(Duration.ofHours(4)), LINKS))
                .singleElement()
                .satisfies(p -> assertThat(p.endsAt()).isEqualTo(T0.plus(Duration.ofHours(4))));
        assertThat(active.size()).isZero();
    }

    @Test
    void aRecordWrittenLongerThanActiveForAgoIsNotPosted() throws Exception {
        assertThat(active.take(record("old"), 0, T0, T0.plus(Duration.ofHours(5)), LINKS))
                .isNull();
        assertThat(active.size()).isZero();
    }

    @Test
    void aResolutionEndsTheAlertAndForgetsIt() throws Exception {
        active.take(record("o-1"), 0, T0, T0, LINKS);
        AlertRecord resolved = AlertRecord.read("{\"alert_id\":\"o-1\",\"type\":\"LOW_STOCK\",\"severity\":"
                + "\"WARNING\",\"subject\":{\"sku\":\"S\"},\"event_time\":\"2026-12-01T10:10:00Z\",\"message\":\"m\","
                + "\"evidence\":{},\"status\":\"RESOLVED\"}");

        PostableAlert end = active.take(resolved, 0, T0.plusSeconds(600), T0.plusSeconds(601), LINKS);

        assertThat(end.endsAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(active.size()).isZero();
    }

    @Test
    void thePartitionsTakenAwayTakeTheirAlertsWithThem() throws Exception {
        active.take(record("a"), 0, T0, T0, LINKS);
        active.take(record("b"), 1, T0, T0, LINKS);

        active.dropPartitions(List.of(1));

        assertThat(active.size()).isEqualTo(1);
    }
}
