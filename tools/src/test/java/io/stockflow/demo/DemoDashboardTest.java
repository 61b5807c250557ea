package io.stockflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.flink.io.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoDashboardTest {
    @Test
    void theBusiestSkusShowWhatEachChannelListsBesideTheLedgerAndPushesByStatus() {
        DemoDashboard dashboard = new DemoDashboard();
        dashboard.accept(
                Topics.AVAILABILITY,
                "{\"sku\":\"SKU-00001\",\"location\":\"*\",\"on_hand\":9,\"reserved\":3,\"available\":6,\"version\":4}",
                0);
        dashboard.accept(Topics.CHANNEL_SYNC, "{\"sku\":\"SKU-00001\",\"status\":\"ACCEPTED\"}", 0);
        dashboard.accept(Topics.CHANNEL_SYNC, "{\"sku\":\"SKU-00001\",\"status\":\"ACCEPTED\"}", 0);
        dashboard.accept(Topics.CHANNEL_SYNC, "{\"sku\":\"SKU-00001\",\"status\":\"FAILED\"}", 0);
        dashboard.accept(Topics.CHANNEL_SHIPMENTS, "{\"action\":\"CONFIRM_SHIPMENT\",\"status\":\"ACCEPTED\"}", 0);
        dashboard.accept(Topics.CHANNEL_SHIPMENTS, "{\"action\":\"CANCEL_ORDER\",\"status\":\"REFUSED\"}", 0);
        dashboard.listed(Map.of("SKU-00001", new Long[] {6L, 6L, 8L, null}));

        String screen = render(dashboard);

        assertThat(screen).contains("listed on:     shopify      amazon        ebay woocommerce");
        String row =
                screen.lines().filter(l -> l.contains("SKU-00001")).findFirst().orElseThrow();
        assertThat(row.replaceAll(" +", " ").trim()).isEqualTo("SKU-00001 9 3 6 4 6 6 8 -");
        // Each quantity ends under the end of its channel's name.
        String header =
                screen.lines().filter(l -> l.contains("listed on:")).findFirst().orElseThrow();
        assertThat(row.length()).isEqualTo(header.length());
        assertThat(screen)
                .contains("Channel pushes (channel.sync) by status: {ACCEPTED=2, FAILED=1}")
                .contains("(channel.shipments): {CANCEL_ORDER REFUSED=1, CONFIRM_SHIPMENT ACCEPTED=1}")
                .contains("eBay takes a sell-out and a return to stock at once");
    }

    @Test
    void withoutChannelSyncTheDashboardSaysWhyAndShowsNoChannelColumns() {
        DemoDashboard dashboard = new DemoDashboard();
        dashboard.channelSyncOff("port 8090 is in use");

        String screen = render(dashboard);

        assertThat(screen).contains("Channel sync: off (port 8090 is in use)").doesNotContain("listed on:");
    }

    private static String render(DemoDashboard dashboard) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        dashboard.render(new PrintStream(bytes, true, StandardCharsets.UTF_8), 0, "header");
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
