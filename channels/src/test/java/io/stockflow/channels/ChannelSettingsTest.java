package io.stockflow.channels;

import static io.stockflow.channels.SimulatorChannels.US;
import static io.stockflow.channels.SimulatorChannels.amazon;
import static io.stockflow.channels.SimulatorChannels.shopify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockflow.channels.http.ResilientCalls;
import io.stockflow.channels.http.Secret;
import io.stockflow.listing.Channel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Settings come from configuration and the environment; no credential ever shows in text the clients produce. */
@Timeout(60)
class ChannelSettingsTest {
    static final String SHOPIFY_TOKEN = "shpat_do-not-print-9f8e7d";
    static final String AMAZON_TOKEN = "Atza|do-not-print-1a2b3c";

    @Test
    void settingsReadConfigurationAndTheEnvironmentAndShowCredentialsMasked() {
        ChannelSettings settings = ChannelSettings.from(
                Channel.WOOCOMMERCE,
                Map.of(
                        "channels.woocommerce.base-url",
                        "https://shop.example",
                        "channels.woocommerce.batch-size",
                        "50"),
                Map.of(
                        "STOCKFLOW_WOOCOMMERCE_CONSUMER_KEY",
                        "ck_live_secret1",
                        "STOCKFLOW_WOOCOMMERCE_CONSUMER_SECRET",
                        "cs_live_secret2"));

        assertThat(settings.batchSize()).isEqualTo(50);
        assertThat(settings.credential(ChannelSettings.CONSUMER_SECRET).reveal())
                .isEqualTo("cs_live_secret2");
        assertThat(settings.toString())
                .contains("https://shop.example")
                .contains("****")
                .doesNotContain("ck_live_secret1")
                .doesNotContain("cs_live_secret2");
    }

    @Test
    void theTasksOfOneJobShareTheChannelsRateAndKeepEverythingElse() {
        ChannelSettings whole = ChannelSettings.from(
                Channel.AMAZON,
                Map.of(
                        "channels.amazon.base-url", "https://sellingpartnerapi-na.amazon.com",
                        "channels.amazon.seller-id", "A1SELLER",
                        "channels.amazon.requests-per-second", "5"),
                Map.of("STOCKFLOW_AMAZON_ACCESS_TOKEN", "Atza|x"));

        ChannelSettings share = whole.sharedBy(4);

        assertThat(share.limits().requestsPerSecond()).isEqualTo(1.25);
        assertThat(share.limits().withRequestsPerSecond(5)).isEqualTo(whole.limits());
        assertThat(share.sellerId()).isEqualTo("A1SELLER");
        assertThat(whole.sharedBy(1)).isEqualTo(whole);
        assertThatThrownBy(() -> whole.sharedBy(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingCredentialIsNamedByItsVariable() {
        assertThatThrownBy(() -> ChannelSettings.from(
                        Channel.SHOPIFY, Map.of("channels.shopify.base-url", "https://x.myshopify.com"), Map.of()))
                .hasMessageContaining("STOCKFLOW_SHOPIFY_ACCESS_TOKEN");
    }

    @Test
    void aBatchSizeAboveWhatTheChannelTakesIsRefused() {
        assertThatThrownBy(() -> ChannelSettings.from(
                        Channel.EBAY,
                        Map.of("channels.ebay.base-url", "https://api.ebay.com", "channels.ebay.batch-size", "26"),
                        Map.of("STOCKFLOW_EBAY_ACCESS_TOKEN", "t")))
                .hasMessageContaining("1 to 25");
    }

    @Test
    void noCredentialAppearsInAnOutcomeAnExceptionOrALogLine() {
        Map<String, String> env = new HashMap<>(SimulatorChannels.ENV);
        env.put("STOCKFLOW_SHOPIFY_ACCESS_TOKEN", SHOPIFY_TOKEN);
        env.put("STOCKFLOW_AMAZON_ACCESS_TOKEN", AMAZON_TOKEN);
        List<String> texts = new ArrayList<>();
        try (Simulator sim = new Simulator();
                CapturedLog log = new CapturedLog();
                ChannelClient shopifyClient =
                        ChannelClients.create(SimulatorChannels.settings(Channel.SHOPIFY, sim.base, env), sim.clock);
                ChannelClient amazonClient =
                        ChannelClients.create(SimulatorChannels.settings(Channel.AMAZON, sim.base, env), sim.clock)) {
            // A wrong token is refused; an outage makes retries, a failure and an open breaker: every kind of text.
            PushOutcome refused = shopifyClient
                    .setQuantities(
                            List.of(new QuantityPush(shopify("MUG-1", 1), "gid://shopify/Location/1", 1, null, 1)))
                    .join()
                    .get(0);
            assertThat(refused.status()).isEqualTo(CallStatus.REFUSED);
            texts.add(refused.reason());
            texts.add(shopifyClient.toString());
            sim.fault("amazon", "{\"mode\":\"outage\"}");
            for (int i = 0; i < 2; i++) {
                PushOutcome failed = amazonClient
                        .setQuantities(List.of(new QuantityPush(amazon("MUG-1"), US, 1, null, 1)))
                        .join()
                        .get(0);
                assertThat(failed.status()).isEqualTo(CallStatus.FAILED);
                texts.add(failed.reason());
            }
            assertThatThrownBy(() -> shopifyClient
                            .readQuantity(shopify("MUG-1", 1), "gid://shopify/Location/1")
                            .join())
                    .isInstanceOf(CompletionException.class)
                    .satisfies(e -> texts.add(e.toString() + " " + e.getCause()));
            assertThat(log.lines).isNotEmpty();
            texts.addAll(log.lines);
        }
        assertThat(texts)
                .allSatisfy(text -> assertThat(text)
                        .doesNotContain(SHOPIFY_TOKEN)
                        .doesNotContain(AMAZON_TOKEN)
                        .doesNotContain("do-not-print"));
    }

    @Test
    void anAnswerThatEchoesACredentialIsMaskedInTheClientsText() {
        try (var calls = new ResilientCalls(
                "shopify", SimulatorChannels.quick(5), List.of(Secret.of(SHOPIFY_TOKEN)), Clock.systemUTC())) {
            assertThat(calls.scrub("Invalid API key " + SHOPIFY_TOKEN + " for shop"))
                    .isEqualTo("Invalid API key **** for shop");
        }
    }
}
