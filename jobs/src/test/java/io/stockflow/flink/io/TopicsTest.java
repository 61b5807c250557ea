package io.stockflow.flink.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The configuration topics are created with: levels compacted, loops short-lived, the rest the broker's defaults. */
class TopicsTest {
    @Test
    void levelTopicsAreCompactedSoTheLatestPerKeyOutlivesRetention() {
        assertThat(Topics.config(Topics.AVAILABILITY)).containsEntry("cleanup.policy", "compact");
        assertThat(Topics.config(Topics.ROUTING_CAPACITY)).containsEntry("cleanup.policy", "compact");
    }

    @Test
    void contactsAreCompactedAndDeletedAfterTheirRetention() {
        assertThat(Topics.config(Topics.CUSTOMERS_CONTACTS))
                .containsEntry("cleanup.policy", "compact,delete")
                .containsEntry("retention.ms", "7776000000")
                .containsEntry("max.compaction.lag.ms", "86400000")
                .containsEntry("delete.retention.ms", "86400000");
    }

    @Test
    void theOtherTopicsKeepTheirConfiguration() {
        assertThat(Topics.config(Topics.ROUTING_CORRECTIONS)).containsOnlyKeys("retention.ms");
        for (String topic : Topics.ALL)
            if (!topic.equals(Topics.AVAILABILITY)
                    && !topic.equals(Topics.ROUTING_CAPACITY)
                    && !topic.equals(Topics.ROUTING_CORRECTIONS)
                    && !topic.equals(Topics.CUSTOMERS_CONTACTS))
                assertThat(Topics.config(topic)).as(topic).isEmpty();
    }
}
