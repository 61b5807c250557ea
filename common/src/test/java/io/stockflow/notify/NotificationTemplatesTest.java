package io.stockflow.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NotificationTemplatesTest {
    private static final String JSON = "{\"version\": \"t1\", \"default_locale\": \"en-US\","
            + " \"locales\": {\"de\": \"de-DE\"}, \"high_value_from\": {\"EUR\": \"200\", \"default\": \"250\"},"
            + " \"kinds\": {"
            + "  \"SLA_APOLOGY\": ["
            + "   {\"branch\": \"vip\", \"when\": {\"high_value\": true}, \"template\": \"apology-vip\", \"variables\": {\"offer\": \"voucher\"}},"
            + "   {\"branch\": \"again\", \"when\": {\"repeated\": true}, \"template\": \"apology-again\"},"
            + "   {\"branch\": \"express\", \"when\": {\"service_level\": [\"EXPEDITED\", \"PRIORITY\"], \"status\": \"SHIP\"}, \"template\": \"apology-express\"},"
            + "   {\"branch\": \"standard\", \"template\": \"apology\"}],"
            + "  \"SHIPPED\": [{\"branch\": \"express\", \"when\": {\"service_level\": [\"EXPEDITED\"]}, \"template\": \"shipped-express\"}]"
            + " }}";
    private final NotificationTemplates templates =
            NotificationTemplatesReader.read(JSON.getBytes(StandardCharsets.UTF_8));

    private static NotificationFacts facts(boolean highValue, String level, boolean repeated, String status) {
        NotificationFacts f = new NotificationFacts();
        f.highValue = highValue;
        f.serviceLevel = level;
        f.repeated = repeated;
        f.status = status;
        return f;
    }

    @Test
    void theFirstBranchWhoseConditionsAllHoldIsTaken() {
        assertThat(templates.choose(NotificationKind.SLA_APOLOGY, facts(true, "STANDARD", true, "SHIP"), "US").branch)
                .isEqualTo("vip");
        assertThat(templates.choose(NotificationKind.SLA_APOLOGY, facts(false, "EXPEDITED", true, "SHIP"), "US").branch)
                .isEqualTo("again");
        assertThat(templates.choose(NotificationKind.SLA_APOLOGY, facts(false, "EXPEDITED", false, "SHIP"), "US")
                        .branch)
                .isEqualTo("express");
        assertThat(templates.choose(NotificationKind.SLA_APOLOGY, facts(false, "EXPEDITED", false, "DELIVERY"), "US")
                        .template)
                .isEqualTo("apology");
        assertThat(templates.choose(NotificationKind.SLA_APOLOGY, facts(true, null, false, null), "US").from.variables)
                .containsEntry("offer", "voucher");
    }

    @Test
    void aKindWithoutTemplatesOrWithoutAMatchingBranchIsNotSent() {
        assertThat(templates.choose(NotificationKind.DELIVERED, facts(false, "STANDARD", false, null), "US"))
                .isNull();
        assertThat(templates.choose(NotificationKind.SHIPPED, facts(false, "STANDARD", false, null), "US"))
                .isNull();
    }

    @Test
    void theLocaleComesFromTheShipToCountry() {
        assertThat(templates.locale("DE")).isEqualTo("de-DE");
        assertThat(templates.locale("de")).isEqualTo("de-DE");
        assertThat(templates.locale("BR")).isEqualTo("en-US");
        assertThat(templates.locale(null)).isEqualTo("en-US");
    }

    @Test
    void highValueIsPerCurrencyWithADefault() {
        assertThat(templates.highValue("200.00", "EUR")).isTrue();
        assertThat(templates.highValue("199.99", "EUR")).isFalse();
        assertThat(templates.highValue("200.00", "USD"))
                .as("the default threshold")
                .isFalse();
        assertThat(templates.highValue("250", null)).isTrue();
        assertThat(templates.highValue(null, "EUR")).isFalse();
    }

    @Test
    void badTemplatesNameTheField() {
        assertThatThrownBy(() -> NotificationTemplatesReader.read(
                        "{\"kinds\": {\"POSTCARD\": []}}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("kinds.POSTCARD: not a notification kind");
        assertThatThrownBy(() -> NotificationTemplatesReader.read(
                        "{\"kinds\": {\"SHIPPED\": [{\"branch\": \"x\"}]}}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("kinds.SHIPPED[0].template is required");
    }
}
