package io.stockflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.alert.Alert;
import io.stockflow.alert.EpisodePacing;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OversellEpisodesTest {
    private static final long MINUTE = 60_000L;
    private final OversellEpisodes episodes = new OversellEpisodes(new EpisodePacing(2.0, Duration.ofHours(12)));

    private static StockSignal line(String order, long backordered, long at) {
        StockSignal s = new StockSignal();
        s.sku = "SKU-X";
        s.oversell = true;
        s.orderId = order;
        s.channel = "amazon";
        s.requested = backordered;
        s.backordered = backordered;
        s.eventTime = at;
        return s;
    }

    private static StockSignal available(long units, long version, long at) {
        StockSignal s = new StockSignal();
        s.sku = "SKU-X";
        s.available = units;
        s.version = version;
        s.eventTime = at;
        return s;
    }

    @Test
    void theFirstLineRaisesTheEpisodeWithAnIdFromTheSkuAndItsStart() {
        OversellEpisodes.Step first = episodes.line(null, line("o-1", 2, 10 * MINUTE), 0);
        OversellEpisodes.Step replayed = episodes.line(null, line("o-1", 2, 10 * MINUTE), 99);

        assertThat(first.alert().alertId).isEqualTo(replayed.alert().alertId).startsWith("oversell-");
        assertThat(first.alert().status).isEqualTo(Alert.FIRING);
        assertThat(first.alert().revision).isEqualTo(1);
        assertThat(first.alert().message)
                .isEqualTo("SKU-X is oversold since 1970-01-01T00:10:00Z: 1 order line asked for 2 units of SKU-X "
                        + "that no location had (latest: order o-1 at 1970-01-01T00:10:00Z).");
    }

    @Test
    void linesAddUpAndOnlyMeaningfulChangesAreSent() {
        OversellEpisode e = null;
        int sent = 0;
        for (int i = 1; i <= 100; i++) {
            OversellEpisodes.Step step = episodes.line(e, line("o-" + i, 1, i * MINUTE), 0);
            e = step.episode();
            if (step.alert() != null) sent++;
        }
        assertThat(e.lines).isEqualTo(100);
        assertThat(e.units).isEqualTo(100);
        assertThat(sent).as("1, 2, 4, ..., 64 lines").isEqualTo(7);
    }

    @Test
    void availabilityAboveZeroAfterTheLastLineResolvesAndANewLineOpensANewEpisode() {
        OversellEpisode e = episodes.line(null, line("o-1", 3, 10 * MINUTE), 0).episode();
        assertThat(episodes.availability(e, available(0, 7, 20 * MINUTE), 0).alert())
                .isNull();
        assertThat(episodes.availability(e, available(4, 6, 5 * MINUTE), 0).alert())
                .as("an update older than the last line")
                .isNull();

        Alert resolved =
                episodes.availability(e, available(4, 8, 30 * MINUTE), 0).alert();
        assertThat(resolved.status).isEqualTo(Alert.RESOLVED);
        assertThat(resolved.revision).isEqualTo(2);
        assertThat(resolved.resolvedAt).isEqualTo(30 * MINUTE);
        assertThat(resolved.alertId).isEqualTo(e.alertId);

        assertThat(episodes.line(e, line("o-0", 1, 25 * MINUTE), 0).alert())
                .as("a line from before the resolution opens nothing")
                .isNull();
        Alert next = episodes.line(e, line("o-2", 1, 40 * MINUTE), 0).alert();
        assertThat(next.alertId).isNotEqualTo(resolved.alertId);
        assertThat(next.revision).isEqualTo(1);
        assertThat(next.observed).isEqualTo(1.0);
    }
}
