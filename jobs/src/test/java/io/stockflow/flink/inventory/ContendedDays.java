package io.stockflow.flink.inventory;

import io.stockflow.flink.inventory.ContendedScenario.Step;
import io.stockflow.testing.ShopifyOrders;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Three days of contended orders for one seed, for rule set r1's three locations: three SKUs of the seed's own stocked
 * thinly at random, {@code ordersADay} orders a day of one to three lines at random minutes (around midnight UTC a New
 * York day and a Los Angeles day differ), shipped to New York, New Jersey, California or Texas, one in five large
 * (one shipment, no backorders); with {@code secondDayReceipt}, a receipt at the start of the second day whose
 * backorder fills ship and count against capacity; at the end a receipt of each SKU, a minute apart.
 *
 * @param skuPrefix the seed's SKUs are {@code <prefix><seed>-A}, {@code -B} and {@code -C}
 * @param stockBelow each location's opening stock of a SKU is drawn from 0 to {@code stockBelow - 1}
 */
record ContendedDays(String skuPrefix, int stockBelow, int ordersADay, boolean secondDayReceipt) {
    static final String[] LOCATIONS = {"WH-EAST", "WH-WEST", "STORE-NYC"};
    static final int DAYS = 3;
    private static final String[][] SHIP_TO = {{"NY", "10001"}, {"NJ", "07102"}, {"CA", "94105"}, {"TX", "73301"}};

    /** The seed's records, its first day starting at {@code first}. */
    ContendedScenario random(long seed, Instant first) {
        Random r = new Random(seed);
        String[] skus = {skuPrefix + seed + "-A", skuPrefix + seed + "-B", skuPrefix + seed + "-C"};
        List<String> stock = new ArrayList<>();
        for (String sku : skus) {
            for (String location : LOCATIONS) {
                int units = r.nextInt(stockBelow);
                if (units > 0)
                    stock.add(InventoryScenario.receipt(
                            "mv-" + sku + "-" + location, sku, location, units, first.toString()));
            }
        }
        List<Step> steps = new ArrayList<>();
        int n = 0;
        for (int day = 0; day < DAYS; day++) {
            Instant start = first.plus(day, ChronoUnit.DAYS);
            if (secondDayReceipt && day == 1) {
                String sku = skus[r.nextInt(skus.length)];
                String location = LOCATIONS[r.nextInt(2)];
                steps.add(Step.movement(
                        start,
                        InventoryScenario.receipt("mv-mid-" + sku, sku, location, 3 + r.nextInt(3), start.toString())));
            }
            List<Integer> minutes = new ArrayList<>();
            while (minutes.size() < ordersADay) {
                int m = 1 + r.nextInt(24 * 60 - 2);
                if (!minutes.contains(m)) minutes.add(m);
            }
            minutes.sort(null);
            for (int m : minutes) {
                Map<String, Long> lines = new LinkedHashMap<>();
                int lineCount = 1 + r.nextInt(3);
                for (int l = 0; l < lineCount; l++) lines.putIfAbsent(skus[r.nextInt(3)], 1L + r.nextInt(2));
                String[] to = SHIP_TO[r.nextInt(SHIP_TO.length)];
                String total = r.nextInt(5) == 0 ? "250.00" : "40.00";
                Instant time = start.plus(m, ChronoUnit.MINUTES);
                steps.add(Step.order(
                        time, ShopifyOrders.placed(seed * 1000 + n++, time.toString(), to[0], to[1], lines, total)));
            }
        }
        // One SKU at a time: fills of one order by receipts of the same instant would be numbered in the order their
        // SKUs' ledgers answer, which live is not the same every run.
        Instant end = first.plus(DAYS, ChronoUnit.DAYS);
        for (String sku : skus) {
            steps.add(Step.movement(
                    end,
                    InventoryScenario.receipt(
                            "mv-restock-" + sku,
                            sku,
                            LOCATIONS[r.nextInt(LOCATIONS.length)],
                            2 + r.nextInt(3),
                            end.toString())));
            end = end.plus(1, ChronoUnit.MINUTES);
        }
        return new ContendedScenario(seed, stock, steps);
    }
}
