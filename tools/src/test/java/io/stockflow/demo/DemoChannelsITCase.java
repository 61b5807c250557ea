package io.stockflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's simulator on a free port: what it seeds is what it reads back, and a taken port is refused cleanly. */
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
    void aTakenPortIsAnErrorThatLeavesNothingRunning() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> DemoChannels.start(taken.getLocalPort(), listings, dir))
                    .isInstanceOf(RuntimeException.class);
        }
    }
}
