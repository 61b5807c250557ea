package io.stockflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stockflow.channels.CallStatus;
import io.stockflow.channels.ChannelClient;
import io.stockflow.channels.ChannelClients;
import io.stockflow.channels.ChannelSettings;
import io.stockflow.channels.Shipment;
import io.stockflow.channels.ShipmentOutcome;
import io.stockflow.listing.Channel;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's simulator on a free port: what it seeds is what it reads back, an order placed in the demo is on its
 * marketplace for its shipment, and a taken port is refused cleanly.
 */
class DemoChannelsITCase {
    final DemoListings listings =
            new DemoListings(List.of("SKU-00001", "SKU-00002", "SKU-00003"), List.of("WH-EAST", "WH-WEST"));

    @TempDir
    Path dir;

    @Test
    void everySeededListingReadsBackAtZeroOnAllFourChannels() throws Exception {
        try (DemoChannels channels = DemoChannels.start(0, listings, dir)) {
            Map<String, Long[]> listed = channels.listed();

            assertThat(listed).containsOnlyKeys("SKU-00001", "SKU-00002", "SKU-00003");
            listed.values().forEach(row -> assertThat(row).containsExactly(0L, 0L, 0L, 0L));
            assertThat(Files.readString(channels.listingMap())).contains("\"version\":\"demo-1\"");
            assertThat(channels.configuration())
                    .containsEntry("channels.ebay.base-url", channels.baseUrl().toString())
                    .doesNotContainKey("channels.amazon.requests-per-second")
                    .containsEntry("channels.amazon.seller-id", DemoListings.SELLER_ID);
        }
    }

    @Test
    void anOrderPlacedInTheDemoIsOnItsMarketplaceSoItsShipmentIsConfirmedThere() throws Exception {
        Map<String, String> ids = Map.of(
                "shopify",
                "5800000012345",
                "amazon",
                "114-3941689-8772232",
                "ebay",
                "12-03456-78901",
                "woocommerce",
                "10500");
        try (DemoChannels channels = DemoChannels.start(0, listings, dir)) {
            for (Map.Entry<String, String> order : ids.entrySet()) {
                channels.seedOrder(new ObjectMapper()
                        .readTree("{\"order_id\":\"" + order.getKey() + ":" + order.getValue() + "\",\"channel\":\""
                                + order.getKey() + "\",\"marketplace_order_id\":\"" + order.getValue()
                                + "\",\"type\":\"PLACED\",\"lines\":[{\"sku\":\"SKU-00001\",\"quantity\":2},"
                                + "{\"sku\":\"SKU-00002\",\"quantity\":1}]}"));
                Channel channel = Channel.of(order.getKey());
                try (ChannelClient client = ChannelClients.create(
                        ChannelSettings.from(channel, channels.configuration(), DemoChannels.CREDENTIALS))) {
                    ShipmentOutcome outcome = client.confirmShipment(new Shipment(
                                    order.getValue(),
                                    "ful-" + order.getKey(),
                                    "UPS",
                                    "1Z" + order.getKey(),
                                    null,
                                    Instant.parse("2026-12-06T15:00:00Z"),
                                    List.of(new Shipment.Line("SKU-00001", 2), new Shipment.Line("SKU-00002", 1))))
                            .join();
                    assertThat(outcome.status())
                            .as(order.getKey() + ": " + outcome.reason())
                            .isEqualTo(CallStatus.ACCEPTED);
                }
            }
            assertThat(channels.ordersNotSeeded()).isZero();
        }
    }

    @Test
    void aTakenPortIsAnErrorThatLeavesNothingRunning() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> DemoChannels.start(taken.getLocalPort(), listings, dir))
                    .isInstanceOf(RuntimeException.class);
        }
    }
}
