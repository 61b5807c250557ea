package io.stockflow.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RevisionBudgetTest {
    /** eBay's 250 revisions per listing and day, 25 kept for sell-outs and returns to stock, days in Pacific time. */
    private static final RevisionBudget EBAY = new RevisionBudget(250, 25, ZoneId.of("America/Los_Angeles"));

    private static final Instant NOON = Instant.parse("2026-12-06T20:00:00Z"); // 12:00 in Los Angeles

    @Test
    void anUrgentChangeGoesOutAtOnceWhileAnyRevisionIsLeft() {
        assertThat(EBAY.nextSend(true, 249, NOON.minusSeconds(1), NOON)).isEqualTo(NOON);
        assertThat(EBAY.nextSend(true, 250, NOON.minusSeconds(1), NOON))
                .as("the day is spent")
                .isNull();
    }

    @Test
    void otherChangesArePacedEvenlyOverWhatIsLeftOfTheDay() {
        // 224 ordinary revisions left for the 12 hours to midnight: one every 12 h / 225 = 192 s after the last.
        assertThat(EBAY.nextSend(false, 1, NOON, NOON.plusSeconds(10))).isEqualTo(NOON.plus(Duration.ofSeconds(192)));
        assertThat(EBAY.nextSend(false, 1, NOON, NOON.plusSeconds(500)))
                .as("already due")
                .isEqualTo(NOON.plusSeconds(500));
    }

    @Test
    void theReserveIsKeptForUrgentChanges() {
        assertThat(EBAY.nextSend(false, 225, NOON, NOON.plusSeconds(3600))).isNull();
        assertThat(EBAY.nextSend(true, 225, NOON, NOON.plusSeconds(3600))).isEqualTo(NOON.plusSeconds(3600));
    }

    @Test
    void aNewDayInTheChannelsZoneStartsAfresh() {
        Instant lateEvening = Instant.parse("2026-12-07T07:59:00Z"); // 23:59 in Los Angeles
        Instant afterMidnight = Instant.parse("2026-12-07T08:01:00Z");
        assertThat(EBAY.day(afterMidnight)).isEqualTo(EBAY.day(lateEvening) + 1);
        assertThat(EBAY.nextSend(false, 0, lateEvening, afterMidnight)).isEqualTo(afterMidnight);
    }

    @Test
    void withoutALimitEveryChangeGoesAtOnce() {
        assertThat(RevisionBudget.UNLIMITED.nextSend(false, 100_000, NOON, NOON.plusMillis(1)))
                .isEqualTo(NOON.plusMillis(1));
    }

    @Test
    void aReserveAsLargeAsTheBudgetIsRefused() {
        assertThatThrownBy(() -> new RevisionBudget(250, 250, ZoneId.of("UTC")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
