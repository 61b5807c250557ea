package io.stockflow.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.model.MovementType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * One run of the generator: draws order arrivals and replenishment trucks in time order, decides each order's fate
 * when it is placed (cancel, ship, refund and when), and keeps the records not yet due in a queue ordered by event
 * time. A record is released only when no arrival still to be drawn could come before it, so the stream is in
 * non-decreasing event time while only the pending events of open orders are held in memory. Payloads are built when
 * their record is released.
 */
final class Schedule implements Iterator<GeneratedRecord> {
    private static final class Pending {
        final long time;
        final long seq;
        final Supplier<GeneratedRecord> build;

        Pending(long time, long seq, Supplier<GeneratedRecord> build) {
            this.time = time;
            this.seq = seq;
            this.build = build;
        }
    }

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private final GeneratorSettings s;
    private final long start;
    private final long end;
    private final long interval;
    private final Map<String, Marketplace> marketplaces = new LinkedHashMap<>();
    private final List<String> channels = new ArrayList<>();
    private final double[] channelCumulative;
    private final Catalog catalog;
    private final OrderFactory factory;
    private final Movements movements;
    private final Shipments shipments = new Shipments();
    private final CarrierTracking tracking = new CarrierTracking();
    /** The catalogue index of the SKU that sells out (-1: none), and when its shortage ends. */
    private final int soldOut;

    private final long soldOutFrom;
    private final long soldOutUntil;
    private final BadRecords bad;
    private final Seasonality.Arrivals arrivals;
    /** Channel choice and the split per order. */
    private final SplittableRandom choices;
    /** Duplicates and bad records. */
    private final SplittableRandom noise;
    /** Replenishment. */
    private final SplittableRandom stock;

    private final double badChance;
    /** Null unless the settings ask for injected anomalies. */
    private final Injections injections;

    private final PriorityQueue<Pending> queue =
            new PriorityQueue<>(Comparator.<Pending>comparingLong(p -> p.time).thenComparingLong(p -> p.seq));
    private long seq;
    private long nextOrderAt;
    private long nextTickAt;

    Schedule(GeneratorSettings settings) {
        TrafficGenerator.validate(settings);
        this.s = settings;
        start = settings.start.toEpochMilli();
        end = settings.start.plus(settings.duration).toEpochMilli();
        interval = settings.replenishmentInterval.toMillis();

        SplittableRandom root = new SplittableRandom(settings.seed);
        // Ids also depend on the start, so that runs at other times (the live demo) do not reuse marketplace ids.
        SplittableRandom ids = new SplittableRandom(settings.seed * 0x9E3779B97F4A7C15L + start);
        catalog = new Catalog(settings.skus, settings.skuPopularityExponent, root.split());
        marketplaces.put("shopify", new ShopifyPayloads(settings, ids.split()));
        marketplaces.put("amazon", new AmazonPayloads(ids.split()));
        marketplaces.put("ebay", new EbayPayloads(ids.split()));
        marketplaces.put("woocommerce", new WooCommercePayloads(ids.split()));

        // Sorted by name, so that the map's own order never changes the stream.
        Map<String, Double> mix = new TreeMap<>(settings.channelMix);
        double total = 0;
        for (double share : mix.values()) total += share;
        List<Double> cumulative = new ArrayList<>();
        double running = 0;
        for (Map.Entry<String, Double> e : mix.entrySet()) {
            if (e.getValue() <= 0) continue;
            running += e.getValue() / total;
            channels.add(e.getKey());
            cumulative.add(running);
        }
        channelCumulative = cumulative.stream().mapToDouble(Double::doubleValue).toArray();
        channelCumulative[channelCumulative.length - 1] = 1.0;

        if (settings.skuDayToDayVariation > 0 || settings.trendPerWeek > 0) {
            catalog.vary(settings.skuDayToDayVariation, settings.trendPerWeek, settings.seed, start);
        }
        People people = new People();
        people.sharedBuilding = settings.sharedBuildingShare;
        // A scenario that measures burst detection must not start with bursts of its own making (see People).
        people.returningAfter =
                settings.injectAnomalies ? Math.max(512, settings.returningAfter) : settings.returningAfter;
        factory = new OrderFactory(catalog, people, marketplaces, settings.returningCustomerShare);
        movements = new Movements(settings, catalog);
        bad = new BadRecords(factory, marketplaces, channels, movements, shipments, settings.locations, catalog);
        Seasonality seasonality = new Seasonality(settings);
        arrivals = seasonality.new Arrivals(start, root.split());
        choices = root.split();
        noise = root.split();
        stock = root.split();
        badChance = settings.badRecordRate / (1 - settings.badRecordRate);
        injections = settings.injectAnomalies ? new Injections(settings, catalog, seasonality, settings.seed) : null;

        int soldOutIndex = -1;
        for (int i = 0; i < catalog.size(); i++) {
            if (catalog.sku(i).equals(settings.soldOutSku)) soldOutIndex = i;
        }
        if (settings.soldOutSku != null && soldOutIndex < 0) {
            throw new IllegalArgumentException("soldOutSku " + settings.soldOutSku + " is not in the catalogue");
        }
        soldOut = soldOutIndex;
        soldOutFrom = start + settings.soldOutFrom.toMillis();
        soldOutUntil = soldOutFrom + settings.soldOutFor.toMillis();

        initialStock();
        sellOut();
        nextOrderAt = arrivals.next(end);
        nextTickAt = interval > 0 && start + interval < end ? start + interval : Long.MAX_VALUE;
    }

    @Override
    public boolean hasNext() {
        fill();
        return !queue.isEmpty();
    }

    @Override
    public GeneratedRecord next() {
        fill();
        Pending due = queue.poll();
        if (due == null) throw new NoSuchElementException("the generated stream has ended");
        return due.build.get();
    }

    /** Draws arrivals until the earliest pending record cannot be preceded by anything not yet drawn. */
    private void fill() {
        while (true) {
            long injectAt = injections == null ? Long.MAX_VALUE : injections.nextAt();
            long arrival = Math.min(Math.min(nextOrderAt, nextTickAt), injectAt);
            if (arrival == Long.MAX_VALUE) return;
            Pending head = queue.peek();
            if (head != null && head.time <= arrival) return;
            if (injectAt < Math.min(nextOrderAt, nextTickAt)) {
                injections.applyNext(this);
            } else if (nextOrderAt <= nextTickAt) {
                place(nextOrderAt);
                nextOrderAt = arrivals.next(end);
            } else {
                replenish(nextTickAt);
                nextTickAt = nextTickAt + interval < end ? nextTickAt + interval : Long.MAX_VALUE;
            }
        }
    }

    private void push(long time, Supplier<GeneratedRecord> build) {
        if (!s.completeLifecycles && time >= end) return;
        queue.add(new Pending(time, seq++, build));
    }

    private void initialStock() {
        for (String location : s.locations) {
            for (int sku = 0; sku < catalog.size(); sku++) {
                long quantity = movements.initialQuantity(sku);
                if (quantity <= 0 && s.initialStockType != MovementType.COUNT) continue;
                int index = sku;
                push(
                        start,
                        () -> good(movements.record(
                                movements.movement(s.initialStockType, catalog.sku(index), location, quantity, start),
                                start,
                                null)));
            }
        }
    }

    /**
     * The sold-out SKU: a count of 0 at every location when its shortage begins; when it ends, a count finds the
     * initial stock again (a count, not a receipt: the shipments of lines that were never held have taken on-hand
     * below what a receipt would make up for).
     */
    private void sellOut() {
        if (soldOut < 0 || soldOutFrom >= end) return;
        long restocked = movements.initialQuantity(soldOut);
        for (String location : s.locations) {
            injectMovement(MovementType.COUNT, soldOut, location, 0, soldOutFrom);
            if (soldOutUntil < end) injectMovement(MovementType.COUNT, soldOut, location, restocked, soldOutUntil);
        }
    }

    /**
     * One truck per location, some time into the interval (up to 90 minutes, and within the first half of a short
     * interval, so that a truck arrives before the next one is due), unloading SKU after SKU.
     */
    private void replenish(long tick) {
        long lateness = Math.min(90 * MINUTE, Math.max(1, interval / 2));
        long unloading = Math.min(15_000L, Math.max(1, interval / 2 / Math.max(1, catalog.size())));
        for (String location : s.locations) {
            long truck = tick + stock.nextLong(lateness);
            int unloaded = 0;
            for (int sku = 0; sku < catalog.size(); sku++) {
                long quantity = movements.receiptQuantity(sku, stock);
                if (quantity <= 0) continue;
                long at = truck + unloaded * unloading;
                if (sku == soldOut && at >= soldOutFrom && at < soldOutUntil) continue;
                unloaded++;
                int index = sku;
                push(
                        at,
                        () -> good(movements.record(
                                movements.movement(MovementType.RECEIPT, catalog.sku(index), location, quantity, at),
                                at,
                                null)));
            }
        }
    }

    /** A new order: its create event now, and its fate decided at once. */
    private void place(long at) {
        String channel = pickChannel();
        SplittableRandom r = choices.split();
        SimOrder o = factory.create(channel, at, r);
        if (injections != null && injections.suppressed(o)) return;
        fate(o, r);
        if (injections != null) injections.maybeRefund(o, r);
        pushOrder(o);
    }

    /** The anomalies injected into this run so far (all of them once the stream has ended); empty without injection. */
    List<AnomalyLabel> labels() {
        return injections == null ? List.of() : injections.labels();
    }

    /** An injected order: placed now with the given buyer and lines, then the usual fate; null when withheld. */
    SimOrder injectOrder(String channel, long at, People.Customer buyer, int[][] lines) {
        SplittableRandom r = new SplittableRandom(at * 31 + seq);
        SimOrder o = factory.create(channel, at, r, buyer, lines);
        if (injections.suppressed(o)) return null;
        fate(o, r);
        pushOrder(o);
        return o;
    }

    People.Customer newCustomer(String channel, SplittableRandom r) {
        return factory.newCustomer(channel, r);
    }

    void injectMovement(MovementType type, int sku, String location, long quantity, long at) {
        push(
                at,
                () -> good(movements.record(
                        movements.movement(type, catalog.sku(sku), location, quantity, at), at, null)));
    }

    /** Decides when the order is cancelled, shipped or refunded. */
    private void fate(SimOrder o, SplittableRandom r) {
        Marketplace m = marketplaces.get(o.channel);
        long at = o.placedAt;
        if (o.channel.equals("amazon") && r.nextDouble() < s.fbaShare) o.byMarketplace = true;
        if (r.nextDouble() < s.cancelRate) {
            long after = Math.max(o.createdAt, o.createdReceivedAt);
            o.cancelAt = after + 10 * MINUTE + Math.min(Formats.exponential(r, 2 * HOUR), 2 * DAY);
            o.cancelReceivedAt = o.cancelAt + m.latency(o.cancelAt, r);
        } else {
            if (r.nextDouble() < s.shipRate) {
                // An order the marketplace fulfils leaves its warehouse, which is not one of the shop's locations.
                o.shipLocation = o.byMarketplace ? null : s.locations.get(r.nextInt(s.locations.size()));
                double mean = o.level == SimOrder.Level.PRIORITY
                        ? 1.5 * HOUR
                        : o.level == SimOrder.Level.EXPEDITED ? 3 * HOUR : 6 * HOUR;
                o.shipAt = Math.max(o.createdReceivedAt, at)
                        + 30 * MINUTE
                        + Math.min(Formats.exponential(r, mean), 36 * HOUR);
                if (o.byMarketplace) o.shipReceivedAt = o.shipAt + m.latency(o.shipAt, r);
            }
            if (m.refunds(o) && r.nextDouble() < s.refundRate) refundPlan(o, r);
        }
    }

    private void pushOrder(SimOrder o) {
        Marketplace m = marketplaces.get(o.channel);
        push(o.createdReceivedAt, () -> original(m.source(), m.createdKind(), o.createdReceivedAt, m.created(o)));
        if (o.cancelled()) {
            push(o.cancelReceivedAt, () -> original(m.source(), m.cancelledKind(), o.cancelReceivedAt, m.cancelled(o)));
        }
        if (o.shipped() && o.byMarketplace) {
            push(o.shipReceivedAt, () -> original(m.source(), m.shippedKind(), o.shipReceivedAt, m.shipped(o)));
        } else if (o.shipped()) {
            push(o.shipAt, () -> {
                ObjectNode shipped = shipments.shipped(o);
                if (s.carrierTracking) track(shipped, o);
                return good(shipments.record(shipped, o.shipAt, null));
            });
        }
        if (o.refundAt != SimOrder.NEVER) {
            push(o.refundReceivedAt, () -> original(m.source(), m.refundKind(o), o.refundReceivedAt, m.refunded(o)));
            if (o.returnAt != SimOrder.NEVER) {
                for (SimOrder.RefundLine line : o.refundLines) {
                    push(
                            o.returnReceivedAt,
                            () -> original(m.source(), m.returnKind(), o.returnReceivedAt, m.returned(o, line)));
                }
            }
            if (m.warehouseBooksReturn(o)) {
                // The warehouse books the returned units as they arrive, shortly before the money goes back.
                long booked = o.refundAt - 30 * MINUTE;
                for (SimOrder.RefundLine line : o.refundLines) {
                    push(
                            booked,
                            () -> good(movements.record(
                                    movements.movement(
                                            MovementType.RETURN_RESTOCK,
                                            line.line.sku,
                                            o.shipLocation,
                                            line.quantity,
                                            booked),
                                    booked,
                                    null)));
                }
            }
        }
    }

    /** The carrier updates of a parcel that has just shipped, unless its carrier is silent. */
    private void track(ObjectNode shipped, SimOrder o) {
        String carrier = shipped.path("carrier").asText();
        if (s.silentCarriers.contains(carrier)) return;
        for (GeneratedRecord update :
                tracking.updates(carrier, shipped.path("tracking_code").asText(), o, o.shipAt)) {
            push(update.eventTime, () -> update);
        }
    }

    /**
     * A shipped order comes back (or is refunded without return) days later; an order that did not ship gets a
     * partial refund that releases units ({@code cancel}) within hours.
     */
    private void refundPlan(SimOrder o, SplittableRandom r) {
        Marketplace m = marketplaces.get(o.channel);
        if (o.shipped()) {
            o.refundRestockType = r.nextDouble() < 0.7 ? "return" : "no_restock";
            o.refundAt = o.shipAt + DAY + Math.min(Formats.exponential(r, 2 * DAY), 12 * DAY);
        } else {
            o.refundRestockType = "cancel";
            o.refundAt = Math.max(o.createdAt, o.createdReceivedAt) + 15 * MINUTE + Formats.exponential(r, HOUR);
        }
        // An FBA return is reported per unit and SKU (a row of Amazon's returns report): one line.
        if (o.refundRestockType.equals("return") && o.lines.size() > 1 && !o.byMarketplace && r.nextDouble() < 0.3) {
            for (SimOrder.Line line : o.lines) o.refundLines.add(new SimOrder.RefundLine(line, line.quantity));
        } else {
            SimOrder.Line line = o.lines.get(r.nextInt(o.lines.size()));
            o.refundLines.add(new SimOrder.RefundLine(line, 1 + r.nextInt(line.quantity)));
        }
        o.refundReceivedAt = o.refundAt + m.latency(o.refundAt, r);
        if (m.reportsReturns() && o.refundRestockType.equals("return")) {
            // The seller marks the items received shortly before the money goes back; most can be sold again.
            o.returnAt = o.refundAt - 30 * MINUTE;
            o.returnReceivedAt = o.returnAt + m.latency(o.returnAt, r);
            o.returnRestockable = r.nextDouble() < 0.9;
        }
    }

    private String pickChannel() {
        double u = choices.nextDouble();
        for (int i = 0; i < channelCumulative.length; i++) {
            if (u < channelCumulative[i]) return channels.get(i);
        }
        return channels.get(channels.size() - 1);
    }

    /** A first delivery of an envelope: maybe delivered again later, maybe followed by a bad record. */
    private GeneratedRecord original(String source, String kind, long receivedAt, ObjectNode payload) {
        GeneratedRecord record = record(source, kind, receivedAt, payload, null);
        if (noise.nextDouble() < s.duplicateRate) {
            // Most retries follow a timeout within seconds; some come after minutes of back-off.
            long delay = noise.nextDouble() < 0.6
                    ? 5_000 + Formats.exponential(noise, 20_000)
                    : MINUTE + Formats.exponential(noise, 8 * MINUTE);
            long again = receivedAt + delay;
            push(again, () -> record(source, kind, again, payload, GeneratedRecord.DUPLICATE));
        }
        return good(record);
    }

    /** Every well-formed first record has the same small chance of being followed by an unusable one. */
    private GeneratedRecord good(GeneratedRecord record) {
        if (noise.nextDouble() < badChance) {
            long at = record.eventTime + noise.nextLong(2 * MINUTE);
            push(at, () -> bad.make(at, noise));
        }
        return record;
    }

    private static GeneratedRecord record(
            String source, String kind, long receivedAt, ObjectNode payload, String label) {
        return new GeneratedRecord(
                GeneratedRecord.ORDERS_RAW,
                Formats.write(envelope(source, kind, receivedAt, payload)),
                receivedAt,
                label);
    }

    static ObjectNode envelope(String source, String kind, long receivedAt, ObjectNode payload) {
        ObjectNode n = Formats.object();
        n.put("source", source);
        n.put("kind", kind);
        n.put("received_at", Formats.instant(receivedAt));
        n.set("payload", payload);
        return n;
    }
}
