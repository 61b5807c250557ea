package io.stockflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The schema check the end-to-end tests rely on does reject what breaks the contract. */
class ContractSchemasTest {
    @Test
    void rejectsAnAvailabilityRecordWithoutVersionOrWithNegativeAvailable() {
        assertThat(
                        ContractSchemas.violations(
                                "inventory.availability",
                                "{\"sku\":\"A\",\"location\":\"*\",\"on_hand\":1,\"reserved\":0,\"safety_stock\":0,\"available\":-1,\"as_of\":\"2026-11-26T10:00:00Z\"}"))
                .hasSize(2);
    }

    @Test
    void acceptsAConformingDeadLetter() {
        assertThat(
                        ContractSchemas.violations(
                                "deadletter",
                                "{\"source_topic\":\"orders.raw\",\"error\":\"record is not JSON\",\"raw\":\"{\",\"received_at\":\"2026-11-26T10:00:00Z\"}"))
                .isEmpty();
    }

    @Test
    void acceptsAnUpdatedAlertAndRejectsAStatusWithoutItsRevision() {
        String episode = "{\"alert_id\":\"oversell-1\",\"type\":\"OVERSELL\",\"severity\":\"CRITICAL\","
                + "\"subject\":{\"sku\":\"SKU-A\"},\"event_time\":\"2026-11-26T10:00:00Z\","
                + "\"detected_at\":\"2026-11-26T10:00:00Z\",\"message\":\"m\",\"evidence\":{},"
                + "\"status\":\"RESOLVED\",\"revision\":3,\"started_at\":\"2026-11-26T08:00:00Z\","
                + "\"resolved_at\":\"2026-11-26T10:00:00Z\"}";
        assertThat(ContractSchemas.violations("alerts", episode)).isEmpty();
        assertThat(ContractSchemas.violations("alerts", episode.replace("\"revision\":3,", "")))
                .isNotEmpty();
        assertThat(ContractSchemas.violations("alerts", episode.replace("RESOLVED", "DONE")))
                .isNotEmpty();
    }
}
