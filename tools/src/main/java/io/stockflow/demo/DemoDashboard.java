package io.stockflow.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stockflow.flink.io.Topics;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the demo shows in the terminal, built from the output topics as a consumer sees them: orders per second by
 * channel, the stock of the busiest SKUs beside what each channel lists for them, channel pushes by status,
 * decisions, dead letters and the latest alerts.
 */
final class DemoDashboard {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long RATE_WINDOW_MS = 10_000;

    private final Deque<long[]> orderArrivals = new ArrayDeque<>();
    private final Map<String, Integer> channelIndex = new LinkedHashMap<>();
    private final Map<String, long[]> stockBySku = new HashMap<>();
    private final Map<String, Long> decisions = new TreeMap<>();
    private final Map<String, Long> deadLetterReasons = new HashMap<>();
    private final Deque<String> latestAlerts = new ArrayDeque<>();
    private final Map<String, Long> alertsByType = new TreeMap<>();
    private final Map<String, Long> notificationsByTemplate = new TreeMap<>();
    private final Map<String, Long> syncByStatus = new TreeMap<>();
    private final Map<String, Long> shipmentsByStatus = new TreeMap<>();
    /** What each channel lists per SKU, as the marketplaces report it; null while channel sync is off. */
    private Map<String, Long[]> listed;
    /** Why channel sync is off; null while it runs. */
    private String channelSyncOff;

    private long orders;
    private long deadLetters;

    DemoDashboard() {
        for (String channel : new String[] {"shopify", "amazon", "ebay", "woocommerce"}) {
            channelIndex.put(channel, channelIndex.size());
        }
    }

    /** An output record's JSON; null when unreadable (they are the job's output, not input: ignored). */
    static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            return null;
        }
    }

    /** Takes one output record; unknown or unreadable records are ignored. */
    void accept(String topic, String value, long nowMs) {
        JsonNode r = parse(value);
        if (r == null) return;
        switch (topic) {
            case Topics.ORDERS_CANONICAL:
                if ("PLACED".equals(r.path("type").asText())) {
                    orders++;
                    Integer channel = channelIndex.get(r.path("channel").asText());
                    if (channel != null) orderArrivals.addLast(new long[] {nowMs, channel});
                }
                break;
            case Topics.AVAILABILITY:
                if ("*".equals(r.path("location").asText())) {
                    long[] s = stockBySku.computeIfAbsent(r.path("sku").asText(), k -> new long[5]);
                    if (r.path("version").asLong() >= s[3]) {
                        s[0] = r.path("on_hand").asLong();
                        s[1] = r.path("reserved").asLong();
                        s[2] = r.path("available").asLong();
                        s[3] = r.path("version").asLong();
                    }
                    s[4]++;
                }
                break;
            case Topics.ALLOCATIONS:
                // A later decision of an order is a backorder filled: counted apart, so first decisions stay one each.
                decisions.merge(
                        r.has("revision")
                                ? "BACKORDER_FILLED"
                                : r.path("decision").asText(),
                        1L,
                        Long::sum);
                break;
            case Topics.ALERTS:
                alertsByType.merge(r.path("type").asText(), 1L, Long::sum);
                latestAlerts.addFirst(r.path("severity").asText() + " "
                        + r.path("type").asText() + ": " + r.path("message").asText());
                while (latestAlerts.size() > 6) latestAlerts.removeLast();
                break;
            case Topics.NOTIFICATIONS:
                notificationsByTemplate.merge(r.path("template").asText(), 1L, Long::sum);
                break;
            case Topics.CHANNEL_SYNC:
                syncByStatus.merge(r.path("status").asText(), 1L, Long::sum);
                break;
            case Topics.CHANNEL_SHIPMENTS:
                shipmentsByStatus.merge(
                        r.path("action").asText() + " " + r.path("status").asText(), 1L, Long::sum);
                break;
            case Topics.DEADLETTER:
                deadLetters++;
                deadLetterReasons.merge(shorten(r.path("error").asText(), 60), 1L, Long::sum);
                break;
            default:
                break;
        }
    }

    /** What each channel lists per SKU now, in {@link DemoListings#CHANNELS} order (null: no listing there). */
    void listed(Map<String, Long[]> quantities) {
        this.listed = quantities;
    }

    /** Channel sync does not run, for this reason: said instead of the channel columns. */
    void channelSyncOff(String reason) {
        this.channelSyncOff = reason;
    }

    void render(PrintStream out, long nowMs, String header) {
        while (!orderArrivals.isEmpty() && orderArrivals.peekFirst()[0] < nowMs - RATE_WINDOW_MS)
            orderArrivals.removeFirst();
        long[] perChannel = new long[channelIndex.size()];
        for (long[] a : orderArrivals) perChannel[(int) a[1]]++;
        StringBuilder s = new StringBuilder("\033[H\033[2J");
        s.append(header).append("\n\n");
        s.append("Orders per second by channel (last 10 s):");
        for (Map.Entry<String, Integer> c : channelIndex.entrySet()) {
            s.append(String.format("  %s %.1f", c.getKey(), perChannel[c.getValue()] / (RATE_WINDOW_MS / 1000.0)));
        }
        s.append(String.format(
                "%nOrders placed: %d   decisions: %s   dead letters: %d%n%n", orders, decisions, deadLetters));
        s.append(String.format(
                "Busiest SKUs, all locations   %-12s %8s %8s %9s %7s",
                "sku", "on_hand", "reserved", "available", "version"));
        if (listed != null) {
            s.append("   listed on:");
            for (String channel : DemoListings.CHANNELS) s.append(String.format(" %11s", channel));
        }
        s.append('\n');
        stockBySku.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[4])
                        .reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(8)
                .forEach(e -> {
                    long[] v = e.getValue();
                    s.append(String.format("%29s %-12s %8d %8d %9d %7d", "", e.getKey(), v[0], v[1], v[2], v[3]));
                    if (listed != null) s.append(channelColumns(listed.get(e.getKey())));
                    s.append('\n');
                });
        if (channelSyncOff != null) {
            s.append("Channel sync: off (").append(channelSyncOff).append(")\n");
        } else {
            s.append("Channel pushes (channel.sync) by status: ")
                    .append(syncByStatus)
                    .append('\n');
            s.append("Shipments and cancellations to the marketplaces (channel.shipments): ")
                    .append(shipmentsByStatus)
                    .append('\n');
            // Without this a newcomer reads eBay's lagging column as a fault: it is the daily revision budget at work.
            if (listed != null) {
                s.append("eBay takes a sell-out and a return to stock at once; other changes wait their turn in its 250"
                        + " revisions a listing and day, paced over the rest of the day (UTC): minutes apart.\n");
            }
        }
        s.append("\nCustomer notifications: ").append(notificationsByTemplate).append('\n');
        s.append("Alerts by type: ").append(alertsByType).append('\n');
        for (String a : latestAlerts) s.append("  ").append(shorten(a, 150)).append('\n');
        s.append("\nDead letters by reason:\n");
        deadLetterReasons.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(4)
                .forEach(e -> s.append(String.format("  %5d  %s%n", e.getValue(), e.getKey())));
        out.print(s);
        out.flush();
    }

    /** A SKU's listed quantity on each channel, under the header's columns; "-" where a channel has no listing. */
    static String channelColumns(Long[] quantities) {
        StringBuilder columns = new StringBuilder(String.format("%13s", ""));
        for (int c = 0; c < DemoListings.CHANNELS.size(); c++) {
            Long q = quantities == null ? null : quantities[c];
            columns.append(String.format(" %11s", q == null ? "-" : q.toString()));
        }
        return columns.toString();
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
