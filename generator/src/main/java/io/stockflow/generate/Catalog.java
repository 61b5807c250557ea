package io.stockflow.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The SKUs: ids {@code SKU-00001}..., a title, a price per currency and a long-tailed (Zipf-like) popularity, where
 * {@code SKU-00001} sells best.
 */
final class Catalog {
    static final String[] CURRENCIES = {"USD", "CAD", "GBP", "EUR"};

    private static final String[] MATERIALS = {
        "Organic Cotton",
        "Merino Wool",
        "Bamboo",
        "Recycled Canvas",
        "Stainless Steel",
        "Stoneware",
        "Walnut",
        "Linen",
        "Enamel",
        "Cork",
        "Waxed Cotton",
        "Recycled Glass"
    };
    private static final String[] PRODUCTS = {
        "T-Shirt",
        "Tote Bag",
        "Water Bottle",
        "Mug",
        "Crew Socks",
        "Notebook",
        "Cutting Board",
        "Throw Blanket",
        "Desk Lamp",
        "Beanie",
        "Apron",
        "Candle",
        "Lunch Box",
        "Pillow Cover"
    };
    private static final String[] VARIANTS = {
        "Black", "Natural", "Navy", "Sage", "Charcoal", "Sand", "White", "Rust", "S", "M", "L", "XL"
    };

    private final String[] skus;
    private final String[] titles;
    private final String[] variants;
    private final int[] grams;
    /** Cumulative popularity, last element 1. */
    private final double[] cumulative;

    private final double[] share;
    /** [sku][currency index] in cents. */
    private final long[][] prices;

    Catalog(int size, double exponent, SplittableRandom random) {
        if (size < 1) throw new IllegalArgumentException("skus must be at least 1, got " + size);
        skus = new String[size];
        titles = new String[size];
        variants = new String[size];
        grams = new int[size];
        cumulative = new double[size];
        share = new double[size];
        prices = new long[size][CURRENCIES.length];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            skus[i] = id(i);
            titles[i] = MATERIALS[(i * 7 + i / MATERIALS.length) % MATERIALS.length] + " "
                    + PRODUCTS[(i * 5 + i / PRODUCTS.length) % PRODUCTS.length];
            variants[i] = VARIANTS[(i * 11) % VARIANTS.length];
            grams[i] = 80 + random.nextInt(1500);
            share[i] = 1.0 / Math.pow(i + 1, exponent);
            sum += share[i];
            // Log-uniform between 6 and 160 dollars, as a catalogue of small goods is.
            double usd = Math.exp(Math.log(6) + random.nextDouble() * (Math.log(160) - Math.log(6)));
            prices[i][0] = charm(usd, 99);
            prices[i][1] = charm(usd * 1.37, 99);
            prices[i][2] = charm(usd * 0.79, 99);
            prices[i][3] = charm(usd * 0.92, i % 2 == 0 ? 90 : 95);
        }
        double running = 0;
        for (int i = 0; i < size; i++) {
            share[i] /= sum;
            running += share[i];
            cumulative[i] = running;
        }
        cumulative[size - 1] = 1.0;
    }

    /** The id of the SKU at an index: {@code SKU-00001} for 0. */
    static String id(int index) {
        return String.format("SKU-%05d", index + 1);
    }

    /** {@code 23.40} becomes {@code 23.99} (or {@code 23.90}): a shop's price ending. */
    private static long charm(double amount, int cents) {
        return Math.max(0, (long) Math.floor(amount)) * 100 + cents;
    }

    int size() {
        return skus.length;
    }

    String sku(int index) {
        return skus[index];
    }

    String title(int index) {
        return titles[index];
    }

    String variant(int index) {
        return variants[index];
    }

    int grams(int index) {
        return grams[index];
    }

    /** The share of all units sold that this SKU takes. */
    double share(int index) {
        return share[index];
    }

    long priceCents(int index, String currency) {
        for (int c = 0; c < CURRENCIES.length; c++) {
            if (CURRENCIES[c].equals(currency)) return prices[index][c];
        }
        throw new IllegalArgumentException("no prices in " + currency);
    }

    /** A SKU index drawn by popularity. */
    int sample(SplittableRandom random) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(i >= 0 ? i : -i - 1, skus.length - 1);
    }

    private double dayVariation;
    private double[] trend;
    private long seed;
    private long start;
    private long cachedDay = Long.MIN_VALUE;
    private double[] dayCumulative;

    /**
     * Makes popularity move: each SKU's share varies from day to day (log-normal, coefficient of variation
     * {@code dayVariation}) and follows a trend of its own ({@code exp(g)} a week, {@code g} normal with standard
     * deviation {@code trendPerWeek}), counted from {@code start}.
     */
    void vary(double dayVariation, double trendPerWeek, long seed, long start) {
        this.dayVariation = dayVariation;
        this.seed = seed;
        this.start = start;
        SplittableRandom r = new SplittableRandom(seed ^ 0x7F4A7C159E3779B9L);
        trend = new double[skus.length];
        for (int i = 0; i < skus.length; i++) trend[i] = trendPerWeek > 0 ? trendPerWeek * r.nextGaussian() : 0;
    }

    /** A SKU index drawn by its popularity on the day of {@code at}. */
    int sample(SplittableRandom random, long at) {
        if (trend == null) return sample(random);
        long day = Math.floorDiv(at - start, 86_400_000L);
        if (day != cachedDay) {
            cachedDay = day;
            dayCumulative = new double[skus.length];
            double sum = 0;
            for (int i = 0; i < skus.length; i++) {
                double f = Math.exp(trend[i] * day / 7.0);
                if (dayVariation > 0) f *= Seasonality.logNormal(seed * 1_000_003L + i * 7919L + day, dayVariation, 5);
                sum += share[i] * f;
                dayCumulative[i] = sum;
            }
            for (int i = 0; i < skus.length; i++) dayCumulative[i] /= sum;
            dayCumulative[skus.length - 1] = 1.0;
        }
        int i = Arrays.binarySearch(dayCumulative, random.nextDouble());
        return Math.min(i >= 0 ? i : -i - 1, skus.length - 1);
    }
}
