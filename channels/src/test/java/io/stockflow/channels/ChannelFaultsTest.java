package io.stockflow.channels;

import static io.stockflow.channels.SimulatorChannels.SELLER;
import static io.stockflow.channels.SimulatorChannels.US;
import static io.stockflow.channels.SimulatorChannels.amazon;
import static io.stockflow.channels.SimulatorChannels.ebay;
import static io.stockflow.channels.SimulatorChannels.settings;
import static io.stockflow.channels.SimulatorChannels.shopify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stockflow.channels.http.CallLimits;
import io.stockflow.listing.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the clients do when a channel throttles, goes down or answers slowly, against the simulator's failure modes. */
@Timeout(60)
class ChannelFaultsTest {
    static final String LOCATION = "gid://shopify/Location/1";

    Simulator sim;
    ChannelClient shopify;
    ChannelClient amazon;
    ChannelClient ebay;

    @BeforeEach
    void start() {
        sim = new Simulator();
        sim.seed(
                "/_sim/shopify/inventory-levels",
                "{\"inventoryItemId\":\"gid://shopify/InventoryItem/1\"," + "\"locationId\":\"" + LOCATION
                        + "\",\"available\":10}");
        sim.seed(
                "/_sim/amazon/listings",
                "{\"sellerId\":\"" + SELLER + "\",\"sku\":\"MUG-1\",\"marketplaceIds\":[\"" + US
                        + "\"],\"quantity\":10}");
        sim.seed("/_sim/ebay/offers", "{\"offerId\":\"5001\",\"sku\":\"MUG-1\",\"availableQuantity\":10}");
    }

    @AfterEach
    void stop() {
        for (ChannelClient client : new ChannelClient[] {shopify, amazon, ebay}) if (client != null) client.close();
        sim.close();
    }

    static QuantityPush toShopify(long quantity, Long expected) {
        return new QuantityPush(shopify("MUG-1", 1), LOCATION, quantity, expected, quantity);
    }

    static QuantityPush toAmazon(long quantity) {
        return new QuantityPush(amazon("MUG-1"), US, quantity, null, quantity);
    }

    static QuantityPush toEbay(long quantity) {
        return new QuantityPush(ebay("MUG-1", "5001"), null, quantity, null, quantity);
    }

    @Test
    void aStormOf429sIsRetriedHonouringRetryAfterUntilItEnds() {
        ebay = ChannelClients.create(settings(Channel.EBAY, sim.base), sim.clock);
        sim.fault("ebay", "{\"mode\":\"storm\",\"retryAfterSeconds\":1}");

        CompletableFuture<List<PushOutcome>> push = ebay.setQuantities(List.of(toEbay(4)));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> sim.calls("ebay", "bulkUpdatePriceQuantity").size() >= 3);
        sim.fault("ebay", "{\"mode\":\"normal\"}");
        PushOutcome outcome = push.join().get(0);

        assertThat(outcome.status()).isEqualTo(CallStatus.ACCEPTED);
        assertThat(sim.quantity("ebay", "availableQuantity", "offerId", "5001")).isEqualTo(4);
        List<Integer> statuses = sim.calls("ebay", "bulkUpdatePriceQuantity");
        assertThat(statuses).startsWith(429, 429, 429).endsWith(200);
        assertThat(outcome.attempts()).isEqualTo(statuses.size());
        List<Instant> times = sim.callTimes("ebay", "bulkUpdatePriceQuantity");
        for (int i = 1; i < times.size(); i++) {
            assertThat(Duration.between(times.get(i - 1), times.get(i)))
                    .as("the wait before attempt %d", i + 1)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }
    }

    @Test
    void anOutageOpensTheBreakerAndLaterCallsFailFastUntilItHalfOpensAndRecovers() {
        amazon = ChannelClients.create(settings(Channel.AMAZON, sim.base), sim.clock);
        sim.fault("amazon", "{\"mode\":\"outage\"}");

        PushOutcome duringOutage =
                amazon.setQuantities(List.of(toAmazon(3))).join().get(0);
        assertThat(duringOutage.status()).isEqualTo(CallStatus.FAILED);
        assertThat(duringOutage.attempts())
                .as("the breaker opens after 4 failed calls")
                .isEqualTo(4);
        assertThat(sim.calls("amazon", "patchListingsItem")).containsExactly(503, 503, 503, 503);

        sim.fault("amazon", "{\"mode\":\"normal\"}");
        PushOutcome whileOpen =
                amazon.setQuantities(List.of(toAmazon(3))).join().get(0);
        assertThat(whileOpen.status()).isEqualTo(CallStatus.FAILED);
        assertThat(whileOpen.attempts()).isZero();
        assertThat(whileOpen.reason()).contains("circuit breaker is open");
        assertThat(sim.calls("amazon", "patchListingsItem"))
                .as("nothing was sent")
                .hasSize(4);

        sim.clock.advance(SimulatorChannels.BREAKER_OPEN);
        PushOutcome halfOpen = amazon.setQuantities(List.of(toAmazon(3))).join().get(0);
        PushOutcome closed = amazon.setQuantities(List.of(toAmazon(2))).join().get(0);

        assertThat(halfOpen.status()).isEqualTo(CallStatus.ACCEPTED);
        assertThat(closed.status()).isEqualTo(CallStatus.ACCEPTED);
        assertThat(sim.quantity("amazon", "quantity", "sku", "MUG-1")).isEqualTo(2);
    }

    @Test
    void slowAnswersTimeOutAndAreRetriedUntilTheChannelAnswersInTime() {
        CallLimits limits = SimulatorChannels.quick(5)
                .withRequestTimeout(Duration.ofMillis(300))
                .withBreaker(20, 20, SimulatorChannels.BREAKER_OPEN, 1);
        shopify = ChannelClients.create(settings(Channel.SHOPIFY, sim.base).withLimits(limits), sim.clock);
        sim.fault("shopify", "{\"mode\":\"slow\",\"delayMillis\":1000,\"seconds\":1}");

        PushOutcome outcome =
                shopify.setQuantities(List.of(toShopify(6, 10L))).join().get(0);

        assertThat(outcome.status()).isEqualTo(CallStatus.ACCEPTED);
        assertThat(outcome.attempts()).as("at least one attempt timed out").isGreaterThan(1);
        assertThat(sim.quantity("shopify", "available", "inventoryItemId", "gid://shopify/InventoryItem/1"))
                .isEqualTo(6);
    }

    @Test
    void aSlowChannelDoesNotHoldUpAnotherChannelsClient() {
        amazon = ChannelClients.create(settings(Channel.AMAZON, sim.base), sim.clock);
        shopify = ChannelClients.create(settings(Channel.SHOPIFY, sim.base), sim.clock);
        sim.fault("amazon", "{\"mode\":\"slow\",\"delayMillis\":3000}");

        CompletableFuture<List<PushOutcome>> stuck = amazon.setQuantities(List.of(toAmazon(1)));
        Instant started = Instant.now();
        PushOutcome other =
                shopify.setQuantities(List.of(toShopify(5, 10L))).join().get(0);
        Duration took = Duration.between(started, Instant.now());

        assertThat(other.status()).isEqualTo(CallStatus.ACCEPTED);
        assertThat(took).isLessThan(Duration.ofSeconds(1));
        assertThat(stuck).isNotDone();
        sim.fault("amazon", "{\"mode\":\"normal\"}");
        assertThat(stuck.join().get(0).status()).isEqualTo(CallStatus.ACCEPTED);
    }
}
