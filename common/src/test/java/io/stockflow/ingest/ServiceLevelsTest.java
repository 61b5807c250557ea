package io.stockflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceLevelsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Standard Shipping, STANDARD",
        "Flat rate, STANDARD",
        "Free shipping, STANDARD",
        "UPSGround, STANDARD",
        "USPSFirstClass, STANDARD",
        "DE_DHLPaket, STANDARD",
        "UK_RoyalMailSecondClassStandard, STANDARD",
        "Std US D2D Dom, STANDARD",
        "Expedited, EXPEDITED",
        "Exp US D2D Dom, EXPEDITED",
        "UPS2ndDay, EXPEDITED",
        "SecondDay, EXPEDITED",
        "Two Day Shipping, EXPEDITED",
        "ExpeditedShippingFromOutsideUS, EXPEDITED",
        "Express, PRIORITY",
        "NextDay, PRIORITY",
        "UPSNextDay, PRIORITY",
        "UK_RoyalMailNextDay, PRIORITY",
        "USPSPriority, PRIORITY",
        "Next Day Delivery, PRIORITY",
        "Overnight, PRIORITY",
        "Same-day courier, PRIORITY",
        "Scheduled, SCHEDULED",
        "Scheduled delivery (pick a slot), SCHEDULED",
        "Within 11 days, STANDARD",
        "Carrier pigeon, STANDARD"
    })
    void normalizesMarketplaceServiceWords(String words, String level) {
        assertThat(ServiceLevels.normalize(words)).isEqualTo(level);
    }

    @Test
    void usesTheFirstCandidateThatNamesALevel() {
        assertThat(ServiceLevels.normalize("INT.TP", "Express International")).isEqualTo("PRIORITY");
        assertThat(ServiceLevels.normalize(null, " ", "flat_rate")).isEqualTo("STANDARD");
        assertThat(ServiceLevels.normalize()).isEqualTo("STANDARD");
    }
}
