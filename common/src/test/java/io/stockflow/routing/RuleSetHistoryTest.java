package io.stockflow.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockflow.json.InvalidRecordException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RuleSetHistoryTest {

    @Test
    void aReplayUsesTheVersionInForceAtTheOrdersEventTime() throws Exception {
        RuleSetHistory history = new RuleSetHistory(10);
        history.add(version("v1", "2026-11-01T00:00:00Z"));
        history.add(version("v2", "2026-11-10T00:00:00Z"));
        history.add(version("v3", "2026-11-20T00:00:00Z"));

        assertThat(history.inForceAt(at("2026-10-31T23:59:59Z"))).isEmpty();
        assertThat(history.inForceAt(at("2026-11-01T00:00:00Z")).get().version())
                .isEqualTo("v1");
        assertThat(history.inForceAt(at("2026-11-09T23:59:59Z")).get().version())
                .isEqualTo("v1");
        assertThat(history.inForceAt(at("2026-11-10T00:00:00Z")).get().version())
                .isEqualTo("v2");
        assertThat(history.inForceAt(at("2026-12-25T00:00:00Z")).get().version())
                .isEqualTo("v3");
    }

    @Test
    void liveDecisionsUseTheNewestVersion() throws Exception {
        RuleSetHistory history = new RuleSetHistory(10);
        assertThat(history.latest()).isEmpty();

        history.add(version("v1", "2026-11-01T00:00:00Z"));
        history.add(version("v2", "2026-12-01T00:00:00Z"));

        assertThat(history.latest().get().version()).isEqualTo("v2");
    }

    @Test
    void aRedeliveredVersionChangesNothing() throws Exception {
        RuleSetHistory history = new RuleSetHistory(10);
        history.add(version("v1", "2026-11-01T00:00:00Z"));
        history.add(version("v2", "2026-11-10T00:00:00Z"));

        assertThat(history.add(version("v1", "2026-11-01T00:00:00Z"))).isEqualTo(RuleSetHistory.Added.UNCHANGED);
        assertThat(history.versions()).extracting(RuleSet::version).containsExactly("v1", "v2");
    }

    @Test
    void refusesAVersionIdReusedForOtherContent() throws Exception {
        RuleSetHistory history = new RuleSetHistory(10);
        history.add(version("v1", "2026-11-01T00:00:00Z"));

        assertThatThrownBy(() -> history.add(version("v1", "2026-11-05T00:00:00Z")))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("rule set version v1 is already in use with different content; a changed rule set needs a"
                        + " new version");
        assertThat(history.latest().get().effectiveFrom()).isEqualTo(at("2026-11-01T00:00:00Z"));
    }

    @Test
    void refusesAVersionThatDoesNotTakeEffectAfterTheLatestAndKeepsTheOneInForce() throws Exception {
        RuleSetHistory history = new RuleSetHistory(10);
        history.add(version("v2", "2026-11-10T00:00:00Z"));

        assertThatThrownBy(() -> history.add(version("v1", "2026-11-01T00:00:00Z")))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("rule set version v1 takes effect at 2026-11-01T00:00:00Z, not after version v2 in force"
                        + " from 2026-11-10T00:00:00Z");
        assertThatThrownBy(() -> history.add(version("v3", "2026-11-10T00:00:00Z")))
                .hasMessageContaining("not after version v2");
        assertThat(history.latest().get().version()).isEqualTo("v2");
    }

    @Test
    void keepsOnlyTheLastVersions() throws Exception {
        RuleSetHistory history = new RuleSetHistory(2);
        history.add(version("v1", "2026-11-01T00:00:00Z"));
        history.add(version("v2", "2026-11-10T00:00:00Z"));
        history.add(version("v3", "2026-11-20T00:00:00Z"));

        assertThat(history.versions()).extracting(RuleSet::version).containsExactly("v2", "v3");
        assertThat(history.inForceAt(at("2026-11-05T00:00:00Z")))
                .as("v1 was dropped")
                .isEmpty();
    }

    private static RuleSet version(String version, String effectiveFrom) {
        return RuleSets.smallSet(doc -> doc.put("version", version).put("effective_from", effectiveFrom));
    }

    private static long at(String instant) throws InvalidRecordException {
        return Instant.parse(instant).toEpochMilli();
    }
}
