package io.stockflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.routing.Location;
import io.stockflow.routing.RuleSet;
import io.stockflow.routing.RuleSetParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchRulesTest {
    private static final List<String> LOCATIONS = List.of("WH-01", "WH-02", "WH-03", "WH-04");

    @Test
    void isAValidRuleSetInForceBeforeAnyGeneratedOrder() throws Exception {
        RuleSet rules =
                RuleSetParser.parse(BenchRules.document(LOCATIONS, 5_000).getBytes(StandardCharsets.UTF_8));

        assertThat(rules.version()).isEqualTo(BenchRules.VERSION);
        assertThat(rules.effectiveFrom())
                .isLessThan(java.time.Instant.parse("2001-01-01T00:00:00Z").toEpochMilli());
        assertThat(rules.rules()).isNotEmpty();
        assertThat(rules.fallback().split().maxShipments()).isEqualTo(2);
    }

    @Test
    void everyLocationServesEveryShipToCountryOfTheGeneratorAtEveryServiceLevelWithItsDailyCapacity() throws Exception {
        RuleSet rules =
                RuleSetParser.parse(BenchRules.document(LOCATIONS, 5_000).getBytes(StandardCharsets.UTF_8));

        assertThat(rules.locations()).extracting(Location::id).containsExactlyElementsOf(LOCATIONS);
        for (String country : List.of("US", "CA", "GB", "DE", "FR")) {
            String zone = rules.zoneOf(country, null, null).id();
            for (Location l : rules.locations()) {
                assertThat(l.dailyCapacity()).isEqualTo(5_000L);
                for (String level : List.of("STANDARD", "EXPEDITED", "PRIORITY", "SCHEDULED")) {
                    assertThat(l.rate(level, zone))
                            .as(l.id() + " " + level + " " + zone)
                            .isNotNull();
                }
            }
        }
    }

    @Test
    void theDailyCapacityOutlastsTheRunAndItsProbe() {
        assertThat(BenchRules.dailyCapacity(1_000_000)).isGreaterThan(2_000_000);
        assertThat(BenchRules.dailyCapacity(5_000_000_000L)).isEqualTo(Integer.MAX_VALUE);
    }
}
