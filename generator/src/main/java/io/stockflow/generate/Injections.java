package io.stockflow.generate;

import io.stockflow.model.MovementType;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The anomalies a scenario injects into otherwise normal traffic, planned from the seed after a warm-up, and the
 * labels that say what was injected and when. Each type gets a few episodes per day on subjects of its own (drops on
 * best sellers, spikes on the middle of the catalogue, ledger mismatches in the long tail), so that one episode does
 * not hide another. Injected orders, refunds and movements are ordinary records: nothing in them says "anomaly".
 */
final class Injections {
    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;

    /** One planned action at an event time. */
    interface Action {
        void apply(Schedule schedule, long at);
    }

    private static final class Planned {
        final long at;
        final long seq;
        final Action action;

        Planned(long at, long seq, Action action) {
            this.at = at;
            this.seq = seq;
            this.action = action;
        }
    }

    /** A window in which a SKU's or a channel's placed orders are withheld. */
    private static final class Suppression {
        final String channel;
        final int sku;
        final long start;
        final long end;

        Suppression(String channel, int sku, long start, long end) {
            this.channel = channel;
            this.sku = sku;
            this.start = start;
            this.end = end;
        }
    }

    /** Shopify orders of a SKU placed in [from, to) are refunded in [start, end) with this chance. */
    private static final class RefundWave {
        final int sku;
        final long from;
        final long to;
        final long start;
        final long end;
        final double chance;
        /** Returns come ever faster towards the end (their rate rising linearly) rather than evenly. */
        final boolean building;

        RefundWave(int sku, long from, long to, long start, long end, double chance, boolean building) {
            this.sku = sku;
            this.from = from;
            this.to = to;
            this.start = start;
            this.end = end;
            this.chance = chance;
            this.building = building;
        }
    }

    private final GeneratorSettings s;
    private final Catalog catalog;
    private final Seasonality seasonality;
    private final SplittableRandom random;
    private final PriorityQueue<Planned> plan =
            new PriorityQueue<>(Comparator.<Planned>comparingLong(p -> p.at).thenComparingLong(p -> p.seq));
    private final List<Suppression> suppressions = new ArrayList<>();
    private final List<RefundWave> refundWaves = new ArrayList<>();
    private final List<AnomalyLabel> labels = new ArrayList<>();
    private long seq;

    Injections(GeneratorSettings settings, Catalog catalog, Seasonality seasonality, long seed) {
        this.s = settings;
        this.catalog = catalog;
        this.seasonality = seasonality;
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        long start = settings.start.plus(settings.anomalyWarmUp).toEpochMilli();
        long end = settings.start.plus(settings.duration).toEpochMilli() - 3 * HOUR;
        if (end > start) planAll(start, end);
    }

    List<AnomalyLabel> labels() {
        return labels;
    }

    long nextAt() {
        Planned p = plan.peek();
        return p == null ? Long.MAX_VALUE : p.at;
    }

    void applyNext(Schedule schedule) {
        Planned p = plan.poll();
        p.action.apply(schedule, p.at);
    }

    /** Whether a new order is withheld: its channel is silent, or it holds a SKU whose demand dropped. */
    boolean suppressed(SimOrder o) {
        for (Suppression x : suppressions) {
            if (o.placedAt < x.start || o.placedAt >= x.end) continue;
            if (x.channel != null && x.channel.equals(o.channel)) return true;
            if (x.sku >= 0) {
                for (SimOrder.Line line : o.lines) if (line.skuIndex == x.sku) return true;
            }
        }
        return false;
    }

    /** A shipped Shopify order of a SKU in a refund wave may be returned during the wave. */
    void maybeRefund(SimOrder o, SplittableRandom r) {
        if (!o.channel.equals("shopify") || !o.shipped()) return;
        for (RefundWave w : refundWaves) {
            if (o.placedAt < w.from || o.placedAt >= w.to) continue;
            SimOrder.Line hit = null;
            for (SimOrder.Line line : o.lines) if (line.skuIndex == w.sku) hit = line;
            if (hit == null || random.nextDouble() >= w.chance) continue;
            long at = w.building
                    ? w.start + (long) ((w.end - w.start) * Math.sqrt(random.nextDouble()))
                    : w.start + random.nextLong(w.end - w.start);
            if (o.shipAt >= at) continue;
            o.refundLines.clear();
            o.refundLines.add(new SimOrder.RefundLine(hit, hit.quantity));
            o.refundRestockType = "return";
            o.refundAt = at;
            o.refundReceivedAt = at + 200 + random.nextLong(2_000);
            return;
        }
    }

    private void planAll(long start, long end) {
        double days = Math.max(1, (end - start) / (double) DAY);
        int n = catalog.size();
        // Subjects of their own per type (by popularity rank), so episodes of one type do not mask another's.
        planEpisodes(
                start,
                end,
                (int) Math.round(3 * days),
                3 * HOUR,
                -1,
                (at, i) -> spike(at, pick(n, 7, 20, i), 3 * HOUR));
        planEpisodes(
                start, end, (int) Math.round(2 * days), 2 * HOUR, 0, (at, i) -> drop(at, dropCandidate(i), 2 * HOUR));
        planEpisodes(start, end, (int) Math.round(2 * days), 2 * HOUR, 1, (at, i) -> silence(at, channel(i), 2 * HOUR));
        planEpisodes(
                start,
                end,
                (int) Math.round(2 * days),
                2 * HOUR,
                -1,
                (at, i) -> refunds(at, pick(n, 3, 6, i), 2 * HOUR));
        planEpisodes(start, end, (int) Math.round(2 * days), 2 * HOUR, 2, (at, i) -> shrinkage(at, pick(n, 2, 6, i)));
        if (s.slowRefundWaves) {
            planEpisodes(start, end, (int) Math.floor(days / 2), SLOW_WAVE, -1, (at, i) -> slowRefunds(at, i));
        }
        planEpisodes(
                start, end, (int) Math.round(4 * days), HOUR, -1, (at, i) -> miscount(at, pick(n, 25, n - 1, i), i));
        planEpisodes(start, end, (int) Math.round(8 * days), 0, -1, (at, i) -> suspicious(at, i));
    }

    private interface Episode {
        void plan(long at, int index);
    }

    /**
     * {@code count} episodes spread evenly with jitter. With a {@code daytimeSlot} of 0 or more, each goes into the
     * busy hours of its day instead (10:00 to 18:00 on the shop's clock), into one of three slots, so that episodes
     * of different types on the same day take turns rather than overlap.
     */
    private void planEpisodes(long start, long end, int count, long length, int daytimeSlot, Episode episode) {
        if (count <= 0) return;
        long span = end - start - length;
        if (span <= 0) return;
        long step = span / count;
        for (int i = 0; i < count; i++) {
            long at = start + i * step + random.nextLong(Math.max(1, step / 2));
            if (daytimeSlot >= 0) at = busyHours(at, (daytimeSlot + i) % 3, length, end);
            if (at + length <= end + 3 * HOUR) episode.plan(at, i);
        }
    }

    /**
     * 10:00, 12:30 or 15:00 on the shop's clock (slot 0, 1, 2), plus up to 45 minutes, on the day of {@code at}, or
     * the next day when that is already past.
     */
    private long busyHours(long at, int slot, long length, long end) {
        ZonedDateTime day =
                Instant.ofEpochMilli(at).atZone(s.seasonalityZone).toLocalDate().atStartOfDay(s.seasonalityZone);
        long jitter = random.nextLong(45 * MINUTE);
        long t = day.plusMinutes(600 + 150L * slot).toInstant().toEpochMilli() + jitter;
        if (t < at)
            t = day.plusDays(1).plusMinutes(600 + 150L * slot).toInstant().toEpochMilli() + jitter;
        return t;
    }

    /**
     * A SKU for a demand drop: one that sells at least 25 lines an hour on average, so that an hour without it is
     * news (the best seller when none does). A drop of a SKU that sells three a day cannot be told from chance.
     */
    private int dropCandidate(int i) {
        int eligible = 0;
        while (eligible < catalog.size() && s.ordersPerHour * 1.48 * catalog.share(eligible) >= 25) eligible++;
        return i % Math.max(1, eligible);
    }

    private static int pick(int n, int fromRank, int toRank, int i) {
        int lo = Math.min(fromRank, n - 1);
        int hi = Math.max(lo, Math.min(toRank, n - 1));
        return lo + i % (hi - lo + 1);
    }

    private String channel(int i) {
        List<String> channels = new ArrayList<>();
        for (var e : new java.util.TreeMap<>(s.channelMix).entrySet()) if (e.getValue() > 0) channels.add(e.getKey());
        return channels.get(i % channels.size());
    }

    private void at(long time, Action action) {
        plan.add(new Planned(time, seq++, action));
    }

    /** Extra orders of one SKU: five times its usual rate and at least 12 orders an hour. */
    private void spike(long start, int sku, long length) {
        double perHour = s.ordersPerHour * 1.48 * catalog.share(sku);
        double rate = Math.max(12, 5 * perHour) / HOUR;
        for (double t = start + expo(rate); t < start + length; t += expo(rate)) {
            long placed = (long) t;
            at(
                    placed,
                    (schedule, now) ->
                            schedule.injectOrder(pickChannel(), now, null, new int[][] {{sku, 1 + random.nextInt(2)}}));
        }
        labels.add(new AnomalyLabel("DEMAND_SPIKE", catalog.sku(sku), null, null, null, start, start + length));
    }

    private void drop(long start, int sku, long length) {
        suppressions.add(new Suppression(null, sku, start, start + length));
        labels.add(new AnomalyLabel("DEMAND_DROP", catalog.sku(sku), null, null, null, start, start + length));
    }

    private void silence(long start, String channel, long length) {
        suppressions.add(new Suppression(channel, -1, start, start + length));
        labels.add(new AnomalyLabel("FEED_SILENT", null, null, channel, null, start, start + length));
    }

    /** About 24 returns of a SKU within the episode, of its Shopify orders shipped in the two days before. */
    private void refunds(long start, int sku, long length) {
        double shopify = s.channelMix.getOrDefault("shopify", 0.0) / totalMix();
        double ordersOfSku = s.ordersPerHour * 40 * shopify * 1.48 * catalog.share(sku) * s.shipRate;
        double chance = Math.min(1.0, 24 / Math.max(1.0, ordersOfSku));
        refundWaves.add(new RefundWave(sku, start - 42 * HOUR, start - 2 * HOUR, start, start + length, chance, false));
        labels.add(new AnomalyLabel("REFUND_SPIKE", catalog.sku(sku), null, null, null, start, start + length));
    }

    static final long SLOW_WAVE = 36 * HOUR;

    /**
     * A refund wave that builds slowly: about ten returns of a low-volume SKU over a day and a half, ever closer
     * together, of its Shopify orders shipped in the days before and during the wave, so that its refund rate goes from
     * a few percent to about half its orders. The SKU: the least popular of those with enough Shopify orders (about
     * twenty in the wave's window), each wave the next one up.
     */
    private void slowRefunds(long start, int i) {
        double shopify = s.channelMix.getOrDefault("shopify", 0.0) / totalMix();
        long from = start - 48 * HOUR;
        long to = start + SLOW_WAVE - 6 * HOUR;
        double hours = (to - from) / (double) HOUR;
        int sku = -1;
        for (int k = catalog.size() - 1; k >= 0; k--) {
            if (s.ordersPerHour * hours * shopify * 1.48 * catalog.share(k) * s.shipRate >= 20) {
                sku = Math.max(0, k - i);
                break;
            }
        }
        if (sku < 0) return;
        double orders = s.ordersPerHour * hours * shopify * 1.48 * catalog.share(sku) * s.shipRate;
        double chance = Math.min(1.0, 10 / Math.max(1.0, orders));
        refundWaves.add(new RefundWave(sku, from, to, start, start + SLOW_WAVE, chance, true));
        labels.add(new AnomalyLabel("REFUND_SPIKE", catalog.sku(sku), null, null, null, start, start + SLOW_WAVE));
    }

    /**
     * A count finds most of a fast seller gone at every location (theft, damage nobody booked): the ledger is wrong
     * at each location, and what is left will not last until the next truck. Three hours later an emergency delivery
     * brings a day of demand to each location, which ends the episode.
     */
    private void shrinkage(long start, int sku) {
        double perHourPerLocation = s.ordersPerHour * 1.48 * 1.5 * catalog.share(sku) / s.locations.size();
        long left = Math.max(1, Math.round(perHourPerLocation * 0.5));
        long refill = (long) Math.ceil(perHourPerLocation * 24 / s.caseSize) * s.caseSize;
        long restocked = start + 3 * HOUR;
        for (int l = 0; l < s.locations.size(); l++) {
            String location = s.locations.get(l);
            long at = start + l * 20_000L;
            at(at, (schedule, now) -> schedule.injectMovement(MovementType.COUNT, sku, location, left, now));
            at(
                    restocked + l * 20_000L,
                    (schedule, now) -> schedule.injectMovement(MovementType.RECEIPT, sku, location, refill, now));
            labels.add(new AnomalyLabel("LEDGER_MISMATCH", catalog.sku(sku), location, null, null, at, at + HOUR));
        }
        labels.add(new AnomalyLabel("STOCKOUT_PREDICTED", catalog.sku(sku), null, null, null, start, restocked));
    }

    /** A count of a slow seller at one location that finds far fewer units than the books (at most a tenth). */
    private void miscount(long start, int sku, int i) {
        String location = s.locations.get(i % s.locations.size());
        long found = Math.max(0, s.initialStock / 10 - 1 - random.nextInt(5));
        at(start, (schedule, now) -> schedule.injectMovement(MovementType.COUNT, sku, location, found, now));
        labels.add(new AnomalyLabel("LEDGER_MISMATCH", catalog.sku(sku), location, null, null, start, start + HOUR));
    }

    /** An order that stands out (a huge quantity, many distinct SKUs), or a burst of orders from one new buyer. */
    private void suspicious(long start, int i) {
        String channel = pickChannel();
        int n = catalog.size();
        switch (i % 3) {
            case 0:
                at(
                        start,
                        (schedule, now) -> record(
                                schedule.injectOrder(channel, now, null, new int[][] {
                                    {random.nextInt(n), 30 + random.nextInt(40)}
                                }),
                                now));
                break;
            case 1: {
                int distinct = Math.min(n, 10 + random.nextInt(6));
                int first = random.nextInt(n);
                int[][] lines = new int[distinct][];
                for (int k = 0; k < distinct; k++) lines[k] = new int[] {(first + k * 7) % n, 1};
                at(start, (schedule, now) -> record(schedule.injectOrder(channel, now, null, dedupe(lines)), now));
                break;
            }
            default: {
                // Amazon gives neither the buyer's contact nor the street: a burst of one buyer there is in no
                // field anyone can read, so the bursts go to the channels that name the buyer.
                String burstChannel = "amazon".equals(channel) ? buyerChannel() : channel;
                if (burstChannel == null) return;
                int orders = 5;
                People.Customer[] buyer = new People.Customer[1];
                for (int k = 0; k < orders; k++) {
                    long at = start + k * (60_000L + random.nextLong(90_000L));
                    at(at, (schedule, now) -> {
                        if (buyer[0] == null) buyer[0] = schedule.newCustomer(burstChannel, random);
                        SimOrder o = schedule.injectOrder(burstChannel, now, buyer[0], new int[][] {
                            {random.nextInt(Math.min(n, 20)), 1}
                        });
                        record(o, now);
                    });
                }
            }
        }
    }

    private static int[][] dedupe(int[][] lines) {
        List<int[]> out = new ArrayList<>();
        boolean[] seen = new boolean[1 << 16];
        for (int[] line : lines) {
            if (seen[line[0]]) continue;
            seen[line[0]] = true;
            out.add(line);
        }
        return out.toArray(new int[0][]);
    }

    private void record(SimOrder o, long at) {
        if (o != null)
            labels.add(new AnomalyLabel("SUSPICIOUS_ORDER", null, null, null, o.canonicalId(), at, at + HOUR));
    }

    /** The busiest channel other than Amazon, or null when only Amazon sells. */
    private String buyerChannel() {
        String best = null;
        for (var e : new java.util.TreeMap<>(s.channelMix).entrySet()) {
            if (e.getKey().equals("amazon") || e.getValue() <= 0) continue;
            if (best == null || e.getValue() > s.channelMix.get(best)) best = e.getKey();
        }
        return best;
    }

    private String pickChannel() {
        double u = random.nextDouble() * totalMix();
        for (var e : new java.util.TreeMap<>(s.channelMix).entrySet()) {
            u -= e.getValue();
            if (u < 0) return e.getKey();
        }
        return channel(0);
    }

    private double totalMix() {
        double total = 0;
        for (double v : s.channelMix.values()) total += v;
        return total;
    }

    private double expo(double rate) {
        return -Math.log(1.0 - random.nextDouble()) / rate;
    }
}
