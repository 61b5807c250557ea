package io.stockflow.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ListingSyncStateTest {
    private static final RevisionBudget EBAY = new RevisionBudget(250, 25, ZoneId.of("America/Los_Angeles"));
    private static final Instant T = Instant.parse("2026-12-06T20:00:00Z");

    @Test
    void onlyTheNewestQuantityGoesOutAndAnOlderVersionNeverOverwritesIt() {
        ListingSyncState s = sentOnce(10, 1);
        assertThat(s.want(9, 2)).isTrue();
        assertThat(s.want(7, 4)).isTrue();
        assertThat(s.want(8, 3)).as("overtaken by version 4").isFalse();

        assertThat(s.pending()).isTrue();
        assertThat(s.wantedQuantity).isEqualTo(7);
        s.sent(7, 4, T.plusSeconds(300), EBAY);
        assertThat(s.want(9, 2)).as("a replay after a restore").isFalse();
        assertThat(s.pending()).isFalse();
    }

    @Test
    void aChangeBackToWhatTheChannelShowsSendsNothing() {
        ListingSyncState s = sentOnce(10, 1);
        s.want(9, 2);
        s.want(10, 3);

        assertThat(s.pending()).isFalse();
        assertThat(s.nextSend(EBAY, T.plusSeconds(1))).isNull();
    }

    @Test
    void aSellOutAndAReturnToStockAreUrgentOtherChangesWaitTheirTurn() {
        ListingSyncState s = sentOnce(10, 1);
        s.want(9, 2);
        assertThat(s.urgent()).isFalse();
        assertThat(s.nextSend(EBAY, T.plusSeconds(1))).isAfter(T.plusSeconds(1));

        s.want(0, 3);
        assertThat(s.urgent()).isTrue();
        assertThat(s.nextSend(EBAY, T.plusSeconds(1))).isEqualTo(T.plusSeconds(1));

        s.sent(0, 3, T.plusSeconds(1), EBAY);
        s.want(5, 4);
        assertThat(s.urgent()).as("back in stock").isTrue();
    }

    @Test
    void theFirstPushIsUrgentAndRevisionsAreCountedPerDay() {
        ListingSyncState s = new ListingSyncState();
        s.want(4, 1);
        assertThat(s.urgent()).isTrue();
        s.sent(4, 1, T, EBAY);
        s.want(3, 2);
        s.sent(3, 2, T.plusSeconds(200), EBAY);
        assertThat(s.revisionsToday).isEqualTo(2);

        s.want(2, 3);
        s.sent(2, 3, T.plusSeconds(86_400), EBAY);
        assertThat(s.revisionsToday).as("the next day").isEqualTo(1);
    }

    private static ListingSyncState sentOnce(long quantity, long version) {
        ListingSyncState s = new ListingSyncState();
        s.want(quantity, version);
        s.sent(quantity, version, T, EBAY);
        return s;
    }
}
