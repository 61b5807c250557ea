package io.stockflow.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockflow.notifier.contacts.Contact;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class NotifySettingsTest {
    @Test
    void secretsComeFromTheEnvironmentAndAreNeverPrinted() {
        Properties p = new Properties();
        p.setProperty("smtp.username", "mailer");
        p.setProperty(
                "kafka.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required password=\"k\";");
        NotifySettings settings = NotifySettings.from(
                p,
                Map.of(
                        NotifySettings.SMTP_PASSWORD_ENV,
                        "smtp-secret",
                        NotifySettings.TWILIO_TOKEN_ENV,
                        "twilio-secret"));

        assertThat(settings.email().password()).isEqualTo("smtp-secret");
        assertThat(settings.sms().authToken()).isEqualTo("twilio-secret");
        assertThat(settings.toString())
                .doesNotContain("smtp-secret")
                .doesNotContain("twilio-secret")
                .doesNotContain("password=\"k\"")
                .contains("****");
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        NotifySettings settings = NotifySettings.from(new Properties(), Map.of());

        assertThat(settings.topics())
                .isEqualTo(new NotifySettings.Topics(
                        "notifications.customer", "customers.contacts", "notifications.sent", "deadletter"));
        assertThat(settings.quietHours()).hasToString("21:00-08:00");
        assertThat(settings.unknownLocale()).isEqualTo(NotifySettings.UnknownLocale.FALLBACK);
        assertThat(settings.smsLimit().maxSegments()).isEqualTo(3);
        assertThat(settings.metricsPort()).isEqualTo(9464);
    }

    @Test
    void alertsAreForwardedOnlyWhenAnAlertmanagerIsNamed() {
        NotifySettings none = NotifySettings.from(new Properties(), Map.of());
        Properties p = new Properties();
        p.setProperty("alertmanager.url", "http://127.0.0.1:9093");
        p.setProperty("alertmanager.repost-every", "PT30S");
        NotifySettings some = NotifySettings.from(p, Map.of());

        assertThat(none.alerting().enabled()).isFalse();
        assertThat(some.alerting().enabled()).isTrue();
        assertThat(some.alerting().groupId()).isEqualTo("stockflow-alertmanager");
        assertThat(some.alerting().topic()).isEqualTo("alerts");
        assertThat(some.alerting().activeFor()).hasHours(4);
        assertThat(some.alerting().repostEvery()).hasSeconds(30);
        assertThat(some.alerting().links()).hasToString("http://127.0.0.1:8070");
    }

    @Test
    void aRepostIntervalLongerThanAnAlertStaysActiveIsRefused() {
        Properties p = new Properties();
        p.setProperty("alertmanager.url", "http://127.0.0.1:9093");
        p.setProperty("alertmanager.active-for", "PT1M");
        p.setProperty("alertmanager.repost-every", "PT5M");

        assertThatThrownBy(() -> NotifySettings.from(p, Map.of()))
                .hasMessageContaining("alertmanager.repost-every must be positive and at most alertmanager.active-for");
    }

    @Test
    void anUnknownSettingIsRefusedByName() {
        Properties p = new Properties();
        p.setProperty("smtp.hots", "x");

        assertThatThrownBy(() -> NotifySettings.from(p, Map.of())).hasMessage("unknown notify setting: smtp.hots");
    }

    @Test
    void aContactPrintsNeitherItsEmailNorItsPhoneAndRedactsThemFromText() {
        Contact contact =
                new Contact("shopify:1", "ada@example.com", "+15551234567", Contact.Preference.BOTH, ZoneOffset.UTC);

        assertThat(contact.toString()).doesNotContain("ada@example.com").doesNotContain("+15551234567");
        assertThat(contact.redact("550 <ada@example.com> unknown; +15551234567 invalid"))
                .isEqualTo("550 <[email]> unknown; [phone] invalid");
    }
}
