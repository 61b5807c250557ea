package io.stockflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SyncExposureTest {
    private static final long NEVER = Long.MAX_VALUE;

    @Test
    void measuresFromTheOrderToTheFirstTimeTheChannelIsSeenListingZero() {
        Map<String, NavigableMap<Long, Long>> listed = new HashMap<>();
        SyncExposure.observe(listed, "A", 1_000, 3);
        SyncExposure.observe(listed, "A", 1_020, 3);
        SyncExposure.observe(listed, "A", 1_650, 0);
        SyncExposure.observe(listed, "A", 1_670, 0);
        SyncExposure.observe(listed, "B", 1_000, 1);
        SyncExposure.observe(listed, "B", 3_100, 0);

        SyncExposure.Exposures e = SyncExposure.exposures(
                List.of(new SyncExposure.SellOut("A", 1_200, NEVER), new SyncExposure.SellOut("B", 1_100, NEVER)),
                listed);

        // Repeated observations of the same quantity keep the time it was first seen.
        assertThat(listed.get("A")).containsOnlyKeys(1_000L, 1_650L);
        assertThat(e.millis()).containsExactly(450L, 2_000L);
        assertThat(e.superseded()).isZero();
        assertThat(e.open()).isZero();
    }

    @Test
    void aChannelAlreadyListingZeroIsNotExposedAndARestockBeforeTheZeroSupersedesTheSellOut() {
        Map<String, NavigableMap<Long, Long>> listed = new HashMap<>();
        SyncExposure.observe(listed, "A", 1_000, 0);
        SyncExposure.observe(listed, "B", 1_000, 2);
        SyncExposure.observe(listed, "B", 5_000, 0);
        SyncExposure.observe(listed, "C", 1_000, 2);
        SyncExposure.observe(listed, "D", 1_000, 2);

        SyncExposure.Exposures e = SyncExposure.exposures(
                List.of(
                        new SyncExposure.SellOut("A", 2_000, NEVER),
                        // Restocked at 3 s: the channel's 0 at 5 s came after, so this sell-out is not measured.
                        new SyncExposure.SellOut("B", 2_000, 3_000),
                        new SyncExposure.SellOut("C", 2_000, 3_000),
                        new SyncExposure.SellOut("D", 2_000, NEVER),
                        new SyncExposure.SellOut("NOT-LISTED", 2_000, NEVER)),
                listed);

        assertThat(e.millis()).containsExactly(0L);
        assertThat(e.superseded()).isEqualTo(2);
        assertThat(e.open()).isEqualTo(1);
    }

    @Test
    void measuresFromEachClockOfTheSellOutAndLeavesOutASellOutWhoseArrivalIsNotKnown() {
        Map<String, NavigableMap<Long, Long>> listed = new HashMap<>();
        SyncExposure.observe(listed, "A", 1_000, 2);
        SyncExposure.observe(listed, "A", 9_400, 0);
        SyncExposure.observe(listed, "B", 1_000, 2);
        SyncExposure.observe(listed, "B", 7_000, 0);
        // A's order was placed at 2 s, reached stockflow at 9 s (the marketplace told late), the ledger's 0 was read
        // at 9.1 s; B's arrival was not found.
        List<SyncExposure.SellOut> sellOuts = List.of(
                new SyncExposure.SellOut("A", 2_000, 9_000, 9_100, NEVER),
                new SyncExposure.SellOut("B", 2_000, -1, 6_500, NEVER));

        assertThat(SyncExposure.exposures(sellOuts, listed, SyncExposure.From.ORDER_EVENT)
                        .millis())
                .containsExactly(5_000L, 7_400L);
        assertThat(SyncExposure.exposures(sellOuts, listed, SyncExposure.From.ARRIVAL)
                        .millis())
                .containsExactly(400L);
        assertThat(SyncExposure.exposures(sellOuts, listed, SyncExposure.From.AVAILABILITY_ZERO)
                        .millis())
                .containsExactly(300L, 500L);
    }

    @Test
    void saysHowLongADaysRevisionsLastAtAListingsRate() {
        assertThat(SyncReport.budgetLasts(250, 15, 110)).startsWith("0.5 h");
        assertThat(SyncReport.budgetLasts(250, 10, 86_400)).isEqualTo("the whole day");
        assertThat(SyncReport.budgetLasts(250, 0, 110)).isEqualTo("the whole day");
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> hundred = LongStream.rangeClosed(1, 100).boxed().toList();
        assertThat(SyncExposure.percentile(hundred, 50)).isEqualTo(50);
        assertThat(SyncExposure.percentile(hundred, 99)).isEqualTo(99);
        assertThat(SyncExposure.percentile(hundred, 100)).isEqualTo(100);
        // With few samples the p99 is the largest: the table prints the count beside it.
        assertThat(SyncExposure.percentile(List.of(10L, 20L, 30L), 99)).isEqualTo(30);
        assertThat(SyncExposure.percentile(List.of(10L, 20L, 30L), 50)).isEqualTo(20);
        assertThat(SyncExposure.percentile(List.of(), 50)).isEqualTo(-1);
    }

    @Test
    void countsPerThousandOrders() {
        assertThat(SyncExposure.perThousand(450, 1_800)).isEqualTo(250.0);
        assertThat(SyncExposure.perThousand(7, 1_000)).isEqualTo(7.0);
        assertThat(SyncExposure.perThousand(5, 0)).isNaN();
    }
}
