package io.stockflow.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stockflow.testing.KafkaBroker;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console in a real browser (headless Chromium over the DevTools protocol) against a service reading a real broker,
 * with a token: the console opens through its token login, its numbers appear, records written to the topics while the
 * page is open show without a reload (server-sent events), a record's text never runs as markup, and an alert's link
 * leads to its order's page. Screenshots go to {@code target/console-browser/}.
 */
@Timeout(600)
class ConsoleBrowserITCase {
    @RegisterExtension
    static final KafkaBroker BROKER = new KafkaBroker();

    private static final String TOKEN = "console-browser-token";
    private static final Path SHOTS = Path.of("target", "console-browser");
    private static final Duration SEEN = Duration.ofSeconds(30);
    private static final String XSS = "<img src=x onerror=\"window.__injected=1\"> breached";

    @Test
    void theConsoleShowsTheShopLiveAndLeadsFromAnAlertToItsOrder() throws Exception {
        Path chromium = Chromium.executable();
        ServeSettings settings = new ServeSettings();
        settings.port = 0;
        settings.bootstrap = BROKER.bootstrap();
        settings.token = TOKEN;
        for (String t : ServedTopics.ALL) settings.topicNames.put(t, "browser." + t);
        BROKER.createTopics(
                1, ServedTopics.ALL.stream().map(settings::topicName).toList());

        // The browser first: the orders below count in the last minute, so the clock starts once it is up.
        try (DevToolsBrowser browser = DevToolsBrowser.launch(chromium)) {
            publishAndBrowse(settings, browser);
        }
    }

    private static void publishAndBrowse(ServeSettings settings, DevToolsBrowser browser) throws Exception {
        Instant now = Instant.now();
        List<String> canonical = new ArrayList<>();
        List<String> decisions = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String channel = List.of("shopify", "amazon", "ebay", "woocommerce").get(i % 4);
            canonical.add(
                    ConsoleRecords.placed(channel, "A" + i, now, "SKU-" + (i % 3), 1 + i % 2, now.plusSeconds(3600)));
            decisions.add(ConsoleRecords.decision(
                    channel + ":A" + i, channel, "ALLOCATED", now.minusSeconds(i), "WH-EAST", "SKU-" + (i % 3), 0));
        }
        BROKER.produce(settings.topicName(ServedTopics.ORDERS_CANONICAL), canonical);
        BROKER.produce(settings.topicName(ServedTopics.ALLOCATIONS), decisions);
        List<String> levels = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            levels.add(ConsoleRecords.availability("SKU-" + s, "*", 40 + s, 4, 1, now));
            levels.add(ConsoleRecords.availability("SKU-" + s, "WH-EAST", 40 + s, 4, 1, now));
        }
        BROKER.produce(settings.topicName(ServedTopics.AVAILABILITY), levels);
        BROKER.produce(
                settings.topicName(ServedTopics.CHANNEL_SYNC),
                List.of(ConsoleRecords.push("ebay", "SKU-0", 33, 2, "ACCEPTED", now)));
        BROKER.produce(
                settings.topicName(ServedTopics.ALERTS),
                List.of(ConsoleRecords.alert("a-xss", "LOW_STOCK", "WARNING", now, null, "SKU-1", XSS)));

        try (QueryService service = QueryService.start(settings)) {
            URI base = service.baseUrl();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> Api.get(base, "/health", "Bearer " + TOKEN).status() == 200);

            // The token login: the address with ?token= sets the cookie and lands on /console without it.
            browser.open(base + "/console?token=" + TOKEN);
            await().atMost(SEEN).until(() -> "/console".equals(browser.text("location.pathname + location.search")));
            await().atMost(SEEN).untilAsserted(() -> {
                assertThat(browser.text("document.getElementById('orders-last-minute').textContent"))
                        .isEqualTo("12");
                assertThat(browser.text("document.querySelector('#busiest tr[data-sku=\"SKU-0\"] .available')"
                                + "?.textContent"))
                        .isEqualTo("36");
                assertThat(browser.text("document.querySelector('#busiest tr[data-sku=\"SKU-0\"]').textContent"))
                        .contains("ebay 33");
                assertThat(browser.text("document.getElementById('open-alerts-count').textContent"))
                        .isEqualTo("1");
            });
            // The alert's message shows as text; nothing it carries became an element or ran.
            assertThat(browser.text("document.querySelector('#alerts tbody').textContent"))
                    .contains(XSS);
            assertThat(browser.eval("document.querySelectorAll('img').length").asInt())
                    .isZero();
            assertThat(browser.eval("window.__injected === undefined").asBoolean())
                    .isTrue();

            // Live: records written while the page is open show without a reload.
            browser.eval("window.__samePage = true");
            Instant later = Instant.now();
            List<String> more = new ArrayList<>();
            for (int i = 0; i < 8; i++)
                more.add(ConsoleRecords.placed("amazon", "B" + i, later, "SKU-0", 1, later.plusSeconds(3600)));
            String late = "shopify:LATE-1";
            more.add(ConsoleRecords.placed(
                    "shopify", "LATE-1", later.minusSeconds(7200), "SKU-2", 1, later.minusSeconds(60)));
            BROKER.produce(settings.topicName(ServedTopics.ORDERS_CANONICAL), more);
            BROKER.produce(
                    settings.topicName(ServedTopics.AVAILABILITY),
                    List.of(ConsoleRecords.availability("SKU-0", "*", 40, 30, 2, later)));
            BROKER.produce(
                    settings.topicName(ServedTopics.ALERTS),
                    List.of(ConsoleRecords.alert(
                            "a-late",
                            "SHIP_SLA_BREACH",
                            "CRITICAL",
                            later,
                            late,
                            null,
                            "Not shipped by its ship-by time.")));
            await().atMost(SEEN).untilAsserted(() -> {
                assertThat(browser.text("document.getElementById('orders-last-minute').textContent"))
                        .isEqualTo("20");
                assertThat(browser.text("document.querySelector('#busiest tr[data-sku=\"SKU-0\"] .available')"
                                + "?.textContent"))
                        .isEqualTo("10");
                assertThat(browser.text("document.getElementById('open-alerts-count').textContent"))
                        .isEqualTo("2");
                assertThat(browser.eval("!!document.querySelector('a.alert-link[data-alert-id=\"a-late\"]')")
                                .asBoolean())
                        .isTrue();
            });
            assertThat(browser.eval("window.__samePage === true").asBoolean())
                    .as("updated in place, not reloaded")
                    .isTrue();
            assertThat(browser.eval("document.querySelectorAll('#rate-chart svg polyline').length")
                            .asInt())
                    .as("a line per channel")
                    .isEqualTo(4);
            browser.screenshot(SHOTS.resolve("console-live.png"));

            // From the alert to its order.
            browser.click("a.alert-link[data-alert-id=\"a-late\"]");
            String orderPath = "/console/orders/" + URLEncoder.encode(late, StandardCharsets.UTF_8);
            await().atMost(SEEN).untilAsserted(() -> {
                assertThat(browser.text("location.pathname")).isEqualTo(orderPath);
                assertThat(browser.text("document.getElementById('order-id').textContent"))
                        .isEqualTo(late);
                assertThat(browser.text("document.querySelector('#timeline tbody').textContent"))
                        .contains("PLACED")
                        .contains("SHIP_SLA_BREACH");
                assertThat(browser.text("document.getElementById('fact-channel')?.textContent"))
                        .isEqualTo("shopify");
            });
            browser.screenshot(SHOTS.resolve("console-order.png"));

            browser.open(base + "/console/reports?period=day");
            await().atMost(SEEN)
                    .untilAsserted(() -> assertThat(
                                    browser.text("document.querySelector('#report-orders tbody')?.textContent"))
                            .contains("amazon")
                            .contains("PLACED"));
            assertThat(browser.eval("document.querySelectorAll('#fill-chart svg rect').length")
                            .asInt())
                    .isPositive();
            browser.screenshot(SHOTS.resolve("console-reports.png"));
        }
    }
}
