package io.stockflow.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.notifier.contacts.Contact;
import io.stockflow.notifier.send.MessageChannel;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DeliveryPlanTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final QuietHours NIGHT = QuietHours.parse("21:00-08:00");
    /** 12:00 in Berlin. */
    private static final Instant NOON = Instant.parse("2026-11-10T11:00:00Z");
    /** 23:30 in Berlin. */
    private static final Instant LATE = Instant.parse("2026-11-10T22:30:00Z");

    private static Contact contact(String email, String phone, Contact.Preference preference) {
        return new Contact("shopify:1", email, phone, preference, BERLIN);
    }

    @Test
    void thePreferredChannelIsUsedWhenItsDetailIsKnownElseTheOther() {
        assertThat(DeliveryPlan.of(contact("a@b.c", "+491", Contact.Preference.SMS), NIGHT, NOON)
                        .channels())
                .containsExactly(MessageChannel.SMS);
        assertThat(DeliveryPlan.of(contact("a@b.c", null, Contact.Preference.SMS), NIGHT, NOON)
                        .channels())
                .containsExactly(MessageChannel.EMAIL);
        assertThat(DeliveryPlan.of(contact("a@b.c", "+491", Contact.Preference.EMAIL), NIGHT, NOON)
                        .channels())
                .containsExactly(MessageChannel.EMAIL);
        assertThat(DeliveryPlan.of(contact("a@b.c", "+491", Contact.Preference.BOTH), NIGHT, NOON)
                        .channels())
                .containsExactly(MessageChannel.EMAIL, MessageChannel.SMS);
        assertThat(DeliveryPlan.of(contact(null, null, Contact.Preference.BOTH), NIGHT, NOON)
                        .empty())
                .isTrue();
    }

    @Test
    void anSmsInTheShipTosQuietHoursWaitsUntilTheyEndInItsTimeZone() {
        DeliveryPlan plan = DeliveryPlan.of(contact(null, "+491", Contact.Preference.SMS), NIGHT, LATE);

        assertThat(plan.holdUntil()).isEqualTo(Instant.parse("2026-11-11T07:00:00Z"));
        assertThat(DeliveryPlan.of(contact(null, "+491", Contact.Preference.SMS), NIGHT, NOON)
                        .holdUntil())
                .isNull();
    }

    @Test
    void anEmailIsNeverHeldForQuietHours() {
        assertThat(DeliveryPlan.of(contact("a@b.c", null, Contact.Preference.EMAIL), NIGHT, LATE)
                        .holdUntil())
                .isNull();
    }

    @Test
    void quietHoursWithinOneDayAndAcrossMidnight() {
        ZoneId utc = ZoneId.of("UTC");
        QuietHours lunch = QuietHours.parse("12:00-13:00");
        assertThat(lunch.endIfInside(Instant.parse("2026-11-10T12:30:00Z"), utc))
                .isEqualTo(Instant.parse("2026-11-10T13:00:00Z"));
        assertThat(lunch.endIfInside(Instant.parse("2026-11-10T13:00:00Z"), utc))
                .isNull();
        assertThat(NIGHT.endIfInside(Instant.parse("2026-11-10T03:00:00Z"), utc))
                .isEqualTo(Instant.parse("2026-11-10T08:00:00Z"));
        assertThat(QuietHours.none().endIfInside(Instant.parse("2026-11-10T03:00:00Z"), utc))
                .isNull();
    }

    @Test
    void channelsRoundTripThroughTheClaimLogsTags() {
        DeliveryPlan plan = DeliveryPlan.of(contact("a@b.c", "+491", Contact.Preference.BOTH), NIGHT, NOON);

        assertThat(plan.tags()).isEqualTo("email,sms");
        assertThat(DeliveryPlan.fromTags(plan.tags())).isEqualTo(plan.channels());
    }
}
