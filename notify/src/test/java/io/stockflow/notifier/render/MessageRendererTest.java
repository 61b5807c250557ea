package io.stockflow.notifier.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MessageRendererTest {
    /** The locales the shipped message templates are written in (one folder each under messages/). */
    static final List<String> SHIPPED_LOCALES = List.of("en-US", "de-DE");

    private final MessageRenderer renderer =
            new MessageRenderer(TemplateSource.shipped(), LifecycleTemplates.defaultLocale(), SmsLimit.defaults());

    static Stream<Arguments> everyBranchInEveryShippedLocale() {
        List<Arguments> out = new ArrayList<>();
        for (LifecycleTemplates.Branch branch : LifecycleTemplates.branches())
            for (String locale : SHIPPED_LOCALES) out.add(Arguments.of(branch, locale));
        return out.stream();
    }

    private static Map<String, String> variables(LifecycleTemplates.Branch branch) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("order_number", "#1001");
        v.put("carrier", "UPS");
        v.put("tracking_code", "1Z999AA10123456784");
        v.put("estimated_delivery", "2026-11-12T18:00:00Z");
        v.put("promised_by", "2026-11-11T18:00:00Z");
        v.put("new_estimate", "2026-11-14T18:00:00Z");
        v.putAll(branch.variables());
        return v;
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyBranchInEveryShippedLocale")
    void everyKindAndBranchRendersToEmailAndSmsInEveryShippedLocale(LifecycleTemplates.Branch branch, String locale)
            throws RenderFailure {
        RenderedMessage message = renderer.render(branch.template(), locale, variables(branch));

        assertThat(message.fellBack()).isFalse();
        assertThat(message.locale()).isEqualTo(locale);
        assertThat(message.email().subject())
                .contains("#1001")
                .doesNotContain("{{")
                .doesNotContain("\n");
        assertThat(message.email().text()).contains("#1001").doesNotContain("{{");
        assertThat(message.email().html())
                .startsWith("<!DOCTYPE html>")
                .contains("lang=\"" + locale + "\"")
                .contains("<p>")
                .contains("#1001");
        assertThat(message.sms().body()).contains("#1001").doesNotContain("{{");
        assertThat(message.sms().segments()).isBetween(1, SmsLimit.defaults().maxSegments());
        assertThat(message.sms().segments())
                .isEqualTo(SmsSegments.count(message.sms().body()));
        for (String coded : List.of("offer", "next_step"))
            if (branch.variables().containsKey(coded))
                assertThat(message.email().text())
                        .as("the %s code is worded, not shown", coded)
                        .doesNotContain(branch.variables().get(coded));
    }

    @Test
    void everyLocaleTheLifecycleJobAssignsRendersInItsLanguageOrSaysItFellBackToTheDefault() throws RenderFailure {
        for (String locale : LifecycleTemplates.locales()) {
            RenderedMessage message = renderer.render("shipped", locale, Map.of("order_number", "#7"));
            boolean served = locale.startsWith("en-") || locale.startsWith("de-");
            assertThat(message.fellBack()).as(locale).isEqualTo(!served);
            if (served) assertThat(message.locale()).isEqualTo(locale);
            else assertThat(message.fallbackFrom()).isEqualTo(locale);
        }
    }

    @Test
    void aRegionalLocaleUsesItsLanguagesTemplates() throws RenderFailure {
        RenderedMessage message = renderer.render("delivered", "de-AT", Map.of("order_number", "#7"));

        assertThat(message.fellBack()).isFalse();
        assertThat(message.email().subject()).isEqualTo("Bestellung #7 wurde zugestellt");
    }

    @Test
    void anUnknownLocaleFallsBackToTheDefaultAndSaysSo() throws RenderFailure {
        RenderedMessage message = renderer.render("delivered", "xx-YY", Map.of("order_number", "#7"));

        assertThat(message.fallbackFrom()).isEqualTo("xx-YY");
        assertThat(message.locale()).isEqualTo("en-US");
        assertThat(message.email().subject()).isEqualTo("Order #7 was delivered");
    }

    @Test
    void valuesAreEscapedInHtmlAndLeftAsTheyAreInPlainText() throws RenderFailure {
        RenderedMessage message = renderer.render("delivered", "en-US", Map.of("order_number", "<b>&1</b>"));

        assertThat(message.email().html()).contains("&lt;b&gt;&amp;1&lt;/b&gt;").doesNotContain("<b>&1");
        assertThat(message.email().text()).contains("<b>&1</b>");
        assertThat(message.email().subject()).isEqualTo("Order <b>&1</b> was delivered");
    }

    @Test
    void aTemplateThatDoesNotCompileIsAFailureWithItsReasonAndOthersStillRender() {
        assertThatThrownBy(() -> renderer.render("test-broken", "en-US", Map.of("order_number", "#1")))
                .isInstanceOf(RenderFailure.class)
                .hasMessageContaining("en/test-broken")
                .hasMessageContaining("does not compile");
        assertThatThrownBy(() -> renderer.render("test-broken", "en-US", Map.of("order_number", "#1")))
                .as("the failure is kept, not compiled again")
                .isInstanceOf(RenderFailure.class);
        assertThat(renderOrNull("delivered")).isNotNull();
    }

    @Test
    void aMissingTemplateIsAFailureNamingIt() {
        assertThatThrownBy(() -> renderer.render("no-such-template", "de-DE", Map.of("order_number", "#1")))
                .isInstanceOf(RenderFailure.class)
                .hasMessage("no message template 'no-such-template' for locale de-DE nor the default en-US");
    }

    @Test
    void anOfferWithoutWordingIsAFailureNamingTheCode() {
        assertThatThrownBy(() ->
                        renderer.render("backorder-vip", "en-US", Map.of("order_number", "#1", "offer", "free-pony")))
                .isInstanceOf(RenderFailure.class)
                .hasMessage("no wording for offer 'free-pony' in en/phrases.properties");
    }

    private RenderedMessage renderOrNull(String template) {
        try {
            return renderer.render(template, "en-US", Map.of("order_number", "#1"));
        } catch (RenderFailure e) {
            return null;
        }
    }
}
