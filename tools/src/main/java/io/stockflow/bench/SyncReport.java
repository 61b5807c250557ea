package io.stockflow.bench;

import io.stockflow.demo.DemoListings;
import io.stockflow.marketsim.SimulatorSettings;
import java.io.PrintStream;
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
                limits.shopifyBucketSize(),
                limits.shopifyRestoreRate(),
                limits.shopifyCostPerCall(),
                limits.amazonListingsPerSecond(),
                limits.amazonListingsBurst(),
                limits.ebayRevisionsPerDay(),
                limits.ebayRequestsPerCall(),
                limits.wooRequestsPerSecond(),
                limits.wooBurst());
        out.printf(
                "a channel lists 0 when a poll of /_sim/quantities first shows it (polls %d ms apart at the median, %d"
                        + " ms at most: an exposure is late by at most that)%n",
                f.pollGapP50(), f.pollGapMax());
        out.printf(
                "%d orders (envelopes on orders.raw: %.1f a second), %d sell-outs (a SKU's network availability to"
                        + " 0)%n",
                f.orders(), f.orders() / f.seconds(), f.sellOuts());
        out.printf("%-40s", "");
        for (String c : DemoListings.CHANNELS) out.printf(" %12s", c);
        out.println();
        row(out, f, "sell-outs measured", e -> Integer.toString(e.millis().size()));
        row(out, f, "order -> listed 0, p50 ms", e -> millis(e.percentile(50)));
        row(out, f, "order -> listed 0, p99 ms", e -> millis(e.percentile(99)));
        row(out, f, "order -> listed 0, max ms", e -> millis(e.percentile(100)));
        row(out, f, "restocked before listed 0", e -> Integer.toString(e.superseded()));
        row(out, f, "still listed at the end", e -> Integer.toString(e.open()));
        out.printf(
                "of which the ledger: order -> availability 0 read off inventory.availability, p50 %s ms, p99 %s ms%n",
                millis(SyncExposure.percentile(f.ledgerMillis(), 50)),
                millis(SyncExposure.percentile(f.ledgerMillis(), 99)));
        out.printf("%-40s", "API calls per 1,000 orders");
        for (String c : DemoListings.CHANNELS) {
            out.printf(" %12.1f", SyncExposure.perThousand(f.calls().get(c)[0], f.orders()));
        }
        out.println();
        out.printf("%-40s", "  of them refused (429, throttled)");
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
        double perDay = f.seconds() > 0 ? 86_400 / f.seconds() : Double.NaN;
        out.printf(
                "eBay revisions per listing in %.0f s: max %d, mean %.2f; at this rate a day: max %.0f, mean %.0f,"
                        + " against %d%n",
                f.seconds(),
                f.ebayMaxRevisions(),
                f.ebayMeanRevisions(),
                f.ebayMaxRevisions() * perDay,
                f.ebayMeanRevisions() * perDay,
                limits.ebayRevisionsPerDay());
    }

    private interface Cell {
        String of(SyncExposure.Exposures e);
    }

    private static void row(PrintStream out, SyncBench.Figures f, String label, Cell cell) {
        out.printf("%-40s", label);
        for (String c : DemoListings.CHANNELS)
            out.printf(" %12s", cell.of(f.exposures().get(c)));
        out.println();
    }

    private static String millis(long ms) {
        return ms < 0 ? "n/a" : Long.toString(ms);
    }
}
