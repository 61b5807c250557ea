package io.stockflow.bench;

import io.stockflow.demo.DemoListings;
import io.stockflow.flink.sync.SyncSettings;
import io.stockflow.listing.Channel;
import io.stockflow.listing.RevisionBudget;
import io.stockflow.marketsim.SimulatorSettings;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Prints the sync section's figures as a table, one column per channel. */
final class SyncReport {
    private SyncReport() {}

    static void print(SyncBench.Figures f, PrintStream out) {
        SimulatorSettings limits = SimulatorSettings.defaults();
        out.printf(
                "%nstockflow bench, sync: generated at %.0f orders/s, %.0f s measured (after a %d s warm-up), %d SKUs x %d"
                        + " locations listed on %d channels%n",
                f.settings().ordersPerSecond(),
                f.seconds(),
                f.settings().warmUp().toSeconds(),
                f.settings().skus(),
                f.locations(),
                DemoListings.CHANNELS.size());
        out.printf(
                "simulator limits: Shopify %d-point bucket +%.0f/s, %d a call; Amazon %.0f patches/s (burst %d);"
                        + " eBay %d revisions a listing and day, %d offers a call; WooCommerce %.0f requests/s"
                        + " (burst %d)%n",
                limits.shopify().bucketSize(),
                limits.shopify().restoreRate(),
                limits.shopify().costPerCall(),
                limits.amazon().listingsPerSecond(),
                limits.amazon().listingsBurst(),
                limits.ebay().revisionsPerDay(),
                limits.ebay().requestsPerCall(),
                limits.woo().requestsPerSecond(),
                limits.woo().burst());
        out.printf(
                "a channel lists 0 when a poll of /_sim/quantities first shows it (polls %d ms apart at the median, %d"
                        + " ms at most: an exposure is late by at most that)%n",
                f.pollGapP50(), f.pollGapMax());
        out.printf(
                "%d orders (envelopes on orders.raw: %.1f a second), %d sell-outs (a SKU's network availability to"
                        + " 0), %d of them with their order's arrival found on orders.canonical%n",
                f.orders(), f.orders() / f.seconds(), f.sellOuts(), f.sellOutsWithArrival());
        out.printf("%-52s", "");
        for (String c : DemoListings.CHANNELS) out.printf(" %12s", c);
        out.println();
        out.println("from the order's arrival at stockflow (its received_at): what stockflow's own path takes");
        Map<String, SyncExposure.Exposures> arrival = f.exposures().get(SyncExposure.From.ARRIVAL);
        row(out, arrival, "sell-outs measured", e -> Integer.toString(e.millis().size()));
        row(out, arrival, "arrival -> listed 0, p50 ms", e -> millis(e.percentile(50)));
        row(out, arrival, "arrival -> listed 0, p99 ms", e -> millis(e.percentile(99)));
        row(out, arrival, "arrival -> listed 0, max ms", e -> millis(e.percentile(100)));
        row(out, arrival, "restocked before listed 0", e -> Integer.toString(e.superseded()));
        row(out, arrival, "still listed at the end", e -> Integer.toString(e.open()));
        ledger(out, f, SyncExposure.From.ARRIVAL, "arrival");
        Map<String, SyncExposure.Exposures> zero = f.exposures().get(SyncExposure.From.AVAILABILITY_ZERO);
        row(out, zero, "  of which sync: availability 0 -> listed 0, p50 ms", e -> millis(e.percentile(50)));
        row(out, zero, "  of which sync: availability 0 -> listed 0, p99 ms", e -> millis(e.percentile(99)));
        out.println("from the order's event time on the marketplace: includes the marketplace's delay in telling"
                + " stockflow");
        Map<String, SyncExposure.Exposures> event = f.exposures().get(SyncExposure.From.ORDER_EVENT);
        row(out, event, "sell-outs measured", e -> Integer.toString(e.millis().size()));
        row(out, event, "order -> listed 0, p50 ms", e -> millis(e.percentile(50)));
        row(out, event, "order -> listed 0, p99 ms", e -> millis(e.percentile(99)));
        row(out, event, "order -> listed 0, max ms", e -> millis(e.percentile(100)));
        ledger(out, f, SyncExposure.From.ORDER_EVENT, "order");
        out.printf("%-52s", "API calls per 1,000 orders");
        for (String c : DemoListings.CHANNELS) {
            out.printf(" %12.1f", SyncExposure.perThousand(f.calls().get(c)[0], f.orders()));
        }
        out.println();
        out.printf("%-52s", "  of them refused (429, throttled)");
        for (String c : DemoListings.CHANNELS) {
            long[] n = f.calls().get(c);
            out.printf(" %12.1f", SyncExposure.perThousand(n[0] - n[1], f.orders()));
        }
        out.println();
        out.printf(
                "availability changes per 1,000 orders: %.1f per SKU network-wide, %.1f per SKU and location%n",
                SyncExposure.perThousand(f.skuChanges(), f.orders()),
                SyncExposure.perThousand(f.positionChanges(), f.orders()));
        for (Map.Entry<String, Map<String, Long>> e : f.callsByOperation().entrySet()) {
            StringBuilder ops = new StringBuilder();
            e.getValue()
                    .forEach((op, n) ->
                            ops.append(' ').append(op).append(' ').append(n).append(','));
            if (ops.length() > 0) ops.setLength(ops.length() - 1);
            out.printf("    %s calls by operation:%s%n", e.getKey(), ops.length() == 0 ? " none" : ops);
        }
        out.printf(
                "eBay revisions per listing in %.0f s: max %d, mean %.2f; the busiest listing went to or from 0 %d"
                        + " times%n",
                f.seconds(), f.ebayMaxRevisions(), f.ebayMeanRevisions(), f.ebayMaxUrgent());
        RevisionBudget budget = new SyncSettings().budgets.get(Channel.EBAY);
        int ordinary = budget.perDay() - budget.urgentReserve();
        out.printf(
                "  the budget (%d a listing and day): other changes paced over the day, %d a day at most (one every"
                        + " %.1f min from a fresh day), sell-outs and returns to stock at once while any revision is"
                        + " left; at the busiest listing's rate here its %d last %s%n",
                budget.perDay(),
                ordinary,
                24 * 60.0 / (ordinary + 1),
                budget.perDay(),
                budgetLasts(budget.perDay(), f.ebayMaxRevisions(), f.seconds()));
    }

    /** How long a day's revisions last at a listing's rate: hours, or the whole day. */
    static String budgetLasts(int perDay, long revisions, double seconds) {
        if (revisions <= 0 || seconds <= 0) return "the whole day";
        double hours = perDay * seconds / revisions / 3600;
        return hours >= 24
                ? "the whole day"
                : String.format("%.1f h, then eBay keeps its last quantity until midnight", hours);
    }

    private static void ledger(PrintStream out, SyncBench.Figures f, SyncExposure.From from, String label) {
        List<Long> ledger = f.ledgerMillis().get(from);
        out.printf(
                "  of which the ledger: %s -> availability 0 read off inventory.availability, p50 %s ms, p99 %s ms"
                        + " (%d)%n",
                label,
                millis(SyncExposure.percentile(ledger, 50)),
                millis(SyncExposure.percentile(ledger, 99)),
                ledger.size());
    }

    private interface Cell {
        String of(SyncExposure.Exposures e);
    }

    private static void row(PrintStream out, Map<String, SyncExposure.Exposures> byChannel, String label, Cell cell) {
        out.printf("%-52s", label);
        for (String c : DemoListings.CHANNELS) out.printf(" %12s", cell.of(byChannel.get(c)));
        out.println();
    }

    private static String millis(long ms) {
        return ms < 0 ? "n/a" : Long.toString(ms);
    }
}
