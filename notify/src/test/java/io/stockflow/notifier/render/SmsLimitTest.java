package io.stockflow.notifier.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SmsLimitTest {
    @Test
    void countsGsm7SegmentsBy160ThenBy153() {
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(306))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(307))).isEqualTo(3);
    }

    @Test
    void extensionCharactersTakeTwoSeptets() {
        assertThat(SmsSegments.encoding("€[]")).isEqualTo(SmsSegments.Encoding.GSM7);
        assertThat(SmsSegments.count("€".repeat(80))).isEqualTo(1);
        assertThat(SmsSegments.count("€".repeat(81))).isEqualTo(2);
    }

    @Test
    void oneCharacterOutsideGsm7MakesTheWholeTextUcs2With70Then67() {
        assertThat(SmsSegments.encoding("Bestellung bestätigt ✓")).isEqualTo(SmsSegments.Encoding.UCS2);
        assertThat(SmsSegments.encoding("Bestellung bestätigt")).isEqualTo(SmsSegments.Encoding.GSM7);
        assertThat(SmsSegments.count("✓" + "a".repeat(69))).isEqualTo(1);
        assertThat(SmsSegments.count("✓" + "a".repeat(70))).isEqualTo(2);
        assertThat(SmsSegments.count("✓" + "a".repeat(134))).isEqualTo(3);
    }

    @Test
    void aLongerTextIsShortenedAtAWordWithAnEllipsisToFitTheMaximum() throws RenderFailure {
        String text = "word ".repeat(100).strip();

        RenderedSms sms = new SmsLimit(2, SmsLimit.Overflow.SHORTEN).fit(text);

        assertThat(sms.shortened()).isTrue();
        assertThat(sms.segments()).isEqualTo(2);
        assertThat(sms.body()).endsWith("word...").hasSizeLessThanOrEqualTo(306);
        assertThat(sms.encoding()).isEqualTo(SmsSegments.Encoding.GSM7);
    }

    @Test
    void aLongerTextIsRefusedWithItsSegmentCountWhenConfiguredSo() {
        assertThatThrownBy(() -> new SmsLimit(1, SmsLimit.Overflow.REFUSE).fit("✓".repeat(71)))
                .isInstanceOf(RenderFailure.class)
                .hasMessage("SMS takes 2 UCS2 segments, more than the 1 allowed");
    }

    @Test
    void aTextWithinTheLimitIsLeftAlone() throws RenderFailure {
        RenderedSms sms = SmsLimit.defaults().fit("Order #1 shipped.");

        assertThat(sms.shortened()).isFalse();
        assertThat(sms.segments()).isEqualTo(1);
        assertThat(sms.body()).isEqualTo("Order #1 shipped.");
    }
}
