package io.stockflow.flink.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.listing.Channel;
import io.stockflow.listing.ChannelSyncRecord;
import io.stockflow.listing.ListedQuantity;
import io.stockflow.listing.Listing;
import io.stockflow.listing.ListingPush;
import io.stockflow.listing.RevisionBudget;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The per-target step through an operator harness: version order, nothing sent twice, eBay's paced sends on timers. */
class ListingSyncFunctionTest {
    static final long NOON = Instant.parse("2026-12-06T12:00:00Z").toEpochMilli();
    /** 10 revisions a day, 2 kept for urgent changes: paced sends are a few hours apart. */
    static final RevisionBudget TIGHT = new RevisionBudget(10, 2, ZoneId.of("UTC"));

    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    KeyedTwoInputStreamOperatorTestHarness<String, ListingPush, ChannelSyncRecord, ListingPush> harness;

    @BeforeEach
    void open() throws Exception {
        harness = harness(null);
    }

    KeyedTwoInputStreamOperatorTestHarness<String, ListingPush, ChannelSyncRecord, ListingPush> harness(
            OperatorSubtaskState restore) throws Exception {
        var h = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new ListingSyncFunction(Map.of(Channel.EBAY, TIGHT), RETRY_AFTER)),
                (ListingPush p) -> p.targetKey,
                ChannelSyncRecord::targetKey,
                Types.STRING);
        if (restore != null) h.initializeState(restore);
        h.setProcessingTime(NOON);
        h.open();
        return h;
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    static ListingPush push(Channel channel, long quantity, long version) {
        Listing listing = new Listing("MUG-1", channel, Map.of("offer_id", "5001", "sku", "MUG-1"));
        return ListingPush.of(new ListedQuantity(listing, null, quantity, quantity), version, NOON);
    }

    List<String> sent() {
        return harness.extractOutputValues().stream()
                .map(p -> p.quantity + "@v" + p.version)
                .toList();
    }

    @Test
    void everyNewQuantityOfAnUnlimitedChannelGoesAtOnceAndAnOlderVersionChangesNothing() throws Exception {
        harness.processElement1(new StreamRecord<>(push(Channel.SHOPIFY, 5, 1)));
        harness.processElement1(new StreamRecord<>(push(Channel.SHOPIFY, 3, 4)));
        harness.processElement1(new StreamRecord<>(push(Channel.SHOPIFY, 9, 2)));
        harness.processElement1(new StreamRecord<>(push(Channel.SHOPIFY, 3, 5)));

        assertThat(sent()).containsExactly("5@v1", "3@v4");
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void onEbayASellOutGoesAtOnceAndOtherChangesWaitAndMergeIntoTheNewest() throws Exception {
        harness.processElement1(new StreamRecord<>(push(Channel.EBAY, 8, 1)));
        harness.processElement1(new StreamRecord<>(push(Channel.EBAY, 7, 2)));
        harness.processElement1(new StreamRecord<>(push(Channel.EBAY, 6, 3)));
        assertThat(sent()).containsExactly("8@v1");
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

        harness.processElement1(new StreamRecord<>(push(Channel.EBAY, 0, 4)));
        assertThat(sent()).containsExactly("8@v1", "0@v4");
        assertThat(harness.numProcessingTimeTimers()).isZero();

        harness.processElement1(new StreamRecord<>(push(Channel.EBAY, 5, 5)));
        harness.processElement1(new StreamRecord<>(push(Channel.EBAY, 4, 6)));
        harness.processElement1(new StreamRecord<>(push(Channel.EBAY, 2, 7)));
        assertThat(sent()).containsExactly("8@v1", "0@v4", "5@v5");
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

        harness.setProcessingTime(NOON + 6 * 3600_000L);
        assertThat(sent()).containsExactly("8@v1", "0@v4", "5@v5", "2@v7");
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aPacedSendDueWithinTheMillisecondOfItsTimerGoesWhenTheTimerFires() throws Exception {
        harness.setProcessingTime(NOON + 1);
        harness.processElement1(new StreamRecord<>(push(Channel.EBAY, 8, 1)));
        // 7 paced revisions left for the 43,199,999 ms to midnight: the next is due 5,399,999.875 ms after the last,
        // at NOON + 5,400,000.875 ms, and its timer is set for the millisecond NOON + 5,400,000.
        harness.processElement1(new StreamRecord<>(push(Channel.EBAY, 6, 2)));
        assertThat(sent()).containsExactly("8@v1");

        harness.setProcessingTime(NOON + 5_400_000);

        assertThat(sent()).containsExactly("8@v1", "6@v2");
        assertThat(harness.numProcessingTimeTimers())
                .as("only the reconciliation's, none")
                .isZero();
    }

    @Test
    void aWaitingQuantityAndItsTimerSurviveARestore() throws Exception {
        harness.processElement1(new StreamRecord<>(push(Channel.EBAY, 8, 1)));
        harness.processElement1(new StreamRecord<>(push(Channel.EBAY, 6, 2)));
        OperatorSubtaskState snapshot = harness.snapshot(1, NOON);
        harness.close();

        harness = harness(snapshot);
        harness.processElement1(new StreamRecord<>(push(Channel.EBAY, 7, 1)));
        harness.setProcessingTime(NOON + 6 * 3600_000L);

        assertThat(sent()).containsExactly("6@v2");
    }

    static ChannelSyncRecord answer(ListingPush p, String status) {
        ChannelSyncRecord r = new ChannelSyncRecord();
        r.channel = p.channel;
        r.listingIds = p.listingIds;
        r.target = p.target;
        r.sku = p.sku;
        r.quantity = p.quantity;
        r.version = p.version;
        r.status = status;
        return r;
    }

    @Test
    void aFailedPushGoesAgainAfterAPauseThatDoublesAndAnAnswerToAnOlderPushChangesNothing() throws Exception {
        harness.processElement1(new StreamRecord<>(push(Channel.SHOPIFY, 5, 1)));
        harness.processElement2(new StreamRecord<>(answer(push(Channel.SHOPIFY, 5, 1), "FAILED")));
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

        harness.setProcessingTime(NOON + 30_000);
        assertThat(sent()).containsExactly("5@v1", "5@v1");
        harness.processElement2(new StreamRecord<>(answer(push(Channel.SHOPIFY, 5, 1), "FAILED")));
        harness.setProcessingTime(NOON + 30_000 + 59_999);
        assertThat(sent()).hasSize(2);
        harness.setProcessingTime(NOON + 30_000 + 60_000);
        assertThat(sent()).containsExactly("5@v1", "5@v1", "5@v1");

        harness.processElement1(new StreamRecord<>(push(Channel.SHOPIFY, 3, 2)));
        harness.processElement2(new StreamRecord<>(answer(push(Channel.SHOPIFY, 5, 1), "FAILED")));
        assertThat(sent()).containsExactly("5@v1", "5@v1", "5@v1", "3@v2");
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    static final Duration RECONCILE = Duration.ofMinutes(20);

    KeyedTwoInputStreamOperatorTestHarness<String, ListingPush, ChannelSyncRecord, ListingPush> reconciling()
            throws Exception {
        var h = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new ListingSyncFunction(Map.of(), RETRY_AFTER, RECONCILE)),
                (ListingPush p) -> p.targetKey,
                ChannelSyncRecord::targetKey,
                Types.STRING);
        h.setProcessingTime(NOON);
        h.open();
        return h;
    }

    static List<String> described(List<ListingPush> out) {
        return out.stream()
                .map(p -> (p.check ? "check " : "") + p.quantity + "@v" + p.version)
                .toList();
    }

    @Test
    void aTargetIsCheckedAgainstItsLastPushWithinAQuarterIntervalOfSpreadAndAgainEveryInterval() throws Exception {
        try (var h = reconciling()) {
            h.processElement1(new StreamRecord<>(push(Channel.SHOPIFY, 5, 1)));
            h.setProcessingTime(NOON + RECONCILE.toMillis() - 1);
            assertThat(described(h.extractOutputValues())).containsExactly("5@v1");

            h.setProcessingTime(NOON + RECONCILE.toMillis() * 5 / 4);
            assertThat(described(h.extractOutputValues())).containsExactly("5@v1", "check 5@v1");
            h.setProcessingTime(NOON + RECONCILE.toMillis() * 10 / 4);
            assertThat(described(h.extractOutputValues())).containsExactly("5@v1", "check 5@v1", "check 5@v1");
            assertThat(h.numProcessingTimeTimers()).isEqualTo(1);
        }
    }

    @Test
    void aDriftTakesTheLastPushBackAndTheNewestQuantityGoesAgainAtOnce() throws Exception {
        try (var h = reconciling()) {
            h.processElement1(new StreamRecord<>(push(Channel.SHOPIFY, 5, 1)));
            h.processElement1(new StreamRecord<>(push(Channel.SHOPIFY, 4, 2)));
            ChannelSyncRecord drift = answer(push(Channel.SHOPIFY, 4, 2), ChannelSyncRecord.DRIFT);
            drift.observed = 11L;
            h.processElement2(new StreamRecord<>(drift));

            assertThat(described(h.extractOutputValues())).containsExactly("5@v1", "4@v2", "4@v2");
            assertThat(h.extractOutputValues().get(2).expected)
                    .as("the correction sets 4 only where the channel still shows 11")
                    .isEqualTo(11L);
            // A drift of a push since replaced says nothing of what the channel shows now.
            ChannelSyncRecord old = answer(push(Channel.SHOPIFY, 5, 1), ChannelSyncRecord.DRIFT);
            old.observed = 11L;
            h.processElement2(new StreamRecord<>(old));
            assertThat(h.extractOutputValues()).hasSize(3);
        }
    }

    @Test
    void withoutAnIntervalNothingIsChecked() throws Exception {
        harness.processElement1(new StreamRecord<>(push(Channel.SHOPIFY, 5, 1)));
        harness.setProcessingTime(NOON + Duration.ofDays(2).toMillis());

        assertThat(sent()).containsExactly("5@v1");
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }
}
