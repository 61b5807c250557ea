package io.stockflow.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes a new order for a channel: where it goes, who buys, what (SKUs by popularity, a few units each), how fast,
 * by when it must ship and arrive, and its marketplace ids.
 */
final class OrderFactory {
    /** Mean units per order of the line and quantity mixes below, for planning stock. */
    static final double MEAN_UNITS_PER_ORDER = 2.1;
    /** Share of orders from a customer who bought before. */
    /** Orders placed after this local hour count from the next day for the ship-by date. */
    private static final int CUT_OFF_HOUR = 14;

    private final Catalog catalog;
    private final People people;
    private final Map<String, Marketplace> marketplaces;
    private final double returning;

    OrderFactory(Catalog catalog, People people, Map<String, Marketplace> marketplaces, double returning) {
        this.catalog = catalog;
        this.people = people;
        this.marketplaces = marketplaces;
        this.returning = returning;
    }

    SimOrder create(String channel, long placedAt, SplittableRandom r) {
        return create(channel, placedAt, r, null, null);
    }

    /** A new customer of the channel's countries, for injected traffic that reuses one buyer. */
    People.Customer newCustomer(String channel, SplittableRandom r) {
        return people.newCustomer(country(channel, r), r);
    }

    /**
     * An order with a given buyer and/or given lines ({@code {skuIndex, quantity}} pairs), for injected anomalies;
     * null takes the usual random choice.
     */
    SimOrder create(String channel, long placedAt, SplittableRandom r, People.Customer buyer, int[][] givenLines) {
        Marketplace marketplace = marketplaces.get(channel);
        People.Customer customer = buyer != null ? buyer : people.customer(country(channel, r), returning, r);
        double l = r.nextDouble();
        SimOrder.Level level =
                l < 0.80 ? SimOrder.Level.STANDARD : l < 0.94 ? SimOrder.Level.EXPEDITED : SimOrder.Level.PRIORITY;
        SimOrder o = new SimOrder(channel, r, customer, level, placedAt);
        int wanted = givenLines != null ? 0 : lineCount(r);
        if (givenLines != null) {
            for (int[] line : givenLines) {
                o.lines.add(new SimOrder.Line(
                        line[0],
                        catalog.sku(line[0]),
                        catalog.title(line[0]),
                        catalog.variant(line[0]),
                        line[1],
                        catalog.priceCents(line[0], o.currency)));
            }
        }
        boolean[] taken = new boolean[catalog.size()];
        for (int attempt = 0; attempt < 20 && o.lines.size() < wanted; attempt++) {
            int sku = catalog.sample(r, placedAt);
            if (taken[sku]) continue;
            taken[sku] = true;
            o.lines.add(new SimOrder.Line(
                    sku,
                    catalog.sku(sku),
                    catalog.title(sku),
                    catalog.variant(sku),
                    quantity(r),
                    catalog.priceCents(sku, o.currency)));
        }
        o.shippingCents = shipping(o);
        deadlines(o);
        marketplace.assignIds(o, r);
        o.createdAt = placedAt + marketplace.createdDelay(r);
        o.createdReceivedAt = o.createdAt + marketplace.latency(o.createdAt, r);
        return o;
    }

    /** Where each marketplace's buyers are. */
    private static String country(String channel, SplittableRandom r) {
        double[] shares;
        switch (channel) {
            case "shopify":
                shares = new double[] {0.45, 0.10, 0.20, 0.15, 0.10};
                break;
            case "amazon":
                shares = new double[] {0.50, 0.10, 0.15, 0.15, 0.10};
                break;
            case "ebay":
                shares = new double[] {0.55, 0.05, 0.20, 0.15, 0.05};
                break;
            default:
                shares = new double[] {0.20, 0.10, 0.15, 0.35, 0.20};
                break;
        }
        double u = r.nextDouble();
        for (int i = 0; i < shares.length; i++) {
            u -= shares[i];
            if (u < 0) return People.COUNTRIES[i];
        }
        return People.COUNTRIES[0];
    }

    private static int lineCount(SplittableRandom r) {
        double u = r.nextDouble();
        return u < 0.65 ? 1 : u < 0.87 ? 2 : u < 0.96 ? 3 : 4;
    }

    private static int quantity(SplittableRandom r) {
        double u = r.nextDouble();
        return u < 0.75 ? 1 : u < 0.92 ? 2 : u < 0.97 ? 3 : 4 + r.nextInt(3);
    }

    /** Flat rates per speed, standard free above a threshold, in the order's currency. */
    private static long shipping(SimOrder o) {
        long standard;
        long freeFrom;
        long expedited;
        long priority;
        switch (o.currency) {
            case "USD":
                standard = 499;
                freeFrom = 5_000;
                expedited = 1_299;
                priority = 2_499;
                break;
            case "CAD":
                standard = 799;
                freeFrom = 7_500;
                expedited = 1_699;
                priority = 2_999;
                break;
            case "GBP":
                standard = 399;
                freeFrom = 4_000;
                expedited = 999;
                priority = 1_999;
                break;
            default:
                standard = 490;
                freeFrom = 5_000;
                expedited = 1_290;
                priority = 2_490;
                break;
        }
        switch (o.level) {
            case PRIORITY:
                return priority;
            case EXPEDITED:
                return expedited;
            default:
                return o.subtotalCents() >= freeFrom ? 0 : standard;
        }
    }

    /** Ship by the end of the handling days (counted from tomorrow after the cut-off), then the transit days. */
    private static void deadlines(SimOrder o) {
        ZoneId zone = People.zone(o.country());
        ZonedDateTime placed = Instant.ofEpochMilli(o.placedAt).atZone(zone);
        LocalDate day = placed.getHour() >= CUT_OFF_HOUR ? placed.toLocalDate().plusDays(1) : placed.toLocalDate();
        LocalDate shipDay = day.plusDays(o.level.handlingDays);
        o.shipBy = endOfDay(shipDay, zone);
        o.deliverFrom = shipDay.plusDays(Math.max(1, o.level.transitDays - 2))
                .atStartOfDay(zone)
                .toInstant()
                .toEpochMilli();
        o.deliverBy = endOfDay(shipDay.plusDays(o.level.transitDays), zone);
    }

    private static long endOfDay(LocalDate day, ZoneId zone) {
        return day.atTime(23, 59, 59).atZone(zone).toInstant().toEpochMilli();
    }
}
