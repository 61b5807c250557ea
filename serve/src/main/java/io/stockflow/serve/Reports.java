package io.stockflow.serve;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The reports, per day or per ISO week (Monday to Sunday, UTC), made from {@link DailyReports}' counters: each a table
 * with the period in its first column, the newest period first.
 */
final class Reports {
    static final int TOP = 20;
    static final List<String> TABLES =
            List.of("orders", "fill-rate", "on-time", "top-oversold", "top-stocked-out", "alerts");

    enum Period {
        DAY,
        WEEK;

        static Period parse(String name) {
            for (Period p : values()) if (p.name().equalsIgnoreCase(name)) return p;
            return null;
        }

        String label(LocalDate day) {
            return this == DAY
                    ? day.toString()
                    : String.format(
                            Locale.ROOT,
                            "%d-W%02d",
                            day.get(IsoFields.WEEK_BASED_YEAR),
                            day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }

        LocalDate start(LocalDate day) {
            return this == DAY ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
    }

    private final DailyReports counters;

    Reports(DailyReports counters) {
        this.counters = counters;
    }

    /** The periods with counts, newest first, at most {@code last}: each with the days it sums. */
    private TreeMap<LocalDate, List<LocalDate>> periods(Period period, int last) {
        TreeMap<LocalDate, List<LocalDate>> out = new TreeMap<>();
        for (LocalDate day : counters.days())
            out.computeIfAbsent(period.start(day), s -> new ArrayList<>()).add(day);
        while (out.size() > last) out.pollFirstEntry();
        return out;
    }

    private Map<List<String>, Long> sum(List<LocalDate> days, DailyReports.Counter counter) {
        Map<List<String>, Long> out = new HashMap<>();
        for (LocalDate d : days) counters.counts(d, counter).forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }

    ReportTable table(String name, Period period, int last) {
        List<List<String>> rows = new ArrayList<>();
        String p = period.name().toLowerCase(Locale.ROOT);
        ReportTable t = switch (name) {
            case "orders" ->
                new ReportTable(
                        name, "Orders by channel and event type", List.of(p, "channel", "type", "orders"), rows);
            case "fill-rate" ->
                new ReportTable(
                        name,
                        "Fill rate: decisions by channel",
                        List.of(
                                p,
                                "channel",
                                "decisions",
                                "complete",
                                "split",
                                "backordered",
                                "rejected",
                                "fill_rate",
                                "split_rate",
                                "backorder_rate"),
                        rows);
            case "on-time" ->
                new ReportTable(
                        name,
                        "On-time shipping and delivery by location and channel",
                        List.of(
                                p,
                                "location",
                                "channel",
                                "ship_due",
                                "ship_breached",
                                "ship_on_time_rate",
                                "delivery_due",
                                "delivery_breached",
                                "delivery_on_time_rate"),
                        rows);
            case "top-oversold" ->
                new ReportTable(
                        name, "Top oversold SKUs: units backordered", List.of(p, "sku", "units_backordered"), rows);
            case "top-stocked-out" ->
                new ReportTable(
                        name, "Top stocked-out SKUs: times available went to 0", List.of(p, "sku", "stockouts"), rows);
            case "alerts" -> new ReportTable(name, "Alerts by type", List.of(p, "type", "alerts"), rows);
            default -> null;
        };
        if (t == null) return null;
        for (Map.Entry<LocalDate, List<LocalDate>> e :
                periods(period, last).descendingMap().entrySet()) {
            String label = period.label(e.getKey());
            List<LocalDate> days = e.getValue();
            switch (name) {
                case "orders" ->
                    sorted(sum(days, DailyReports.Counter.ORDERS))
                            .forEach((k, v) -> rows.add(List.of(label, k.get(0), k.get(1), Long.toString(v))));
                case "alerts" ->
                    sorted(sum(days, DailyReports.Counter.ALERTS))
                            .forEach((k, v) -> rows.add(List.of(label, k.get(0), Long.toString(v))));
                case "fill-rate" -> fillRate(label, days, rows);
                case "on-time" -> onTime(label, days, rows);
                case "top-oversold" -> top(label, sum(days, DailyReports.Counter.BACKORDERED_UNITS), rows);
                case "top-stocked-out" -> top(label, sum(days, DailyReports.Counter.STOCKOUTS), rows);
                default -> throw new IllegalStateException(name);
            }
        }
        return t;
    }

    private void fillRate(String label, List<LocalDate> days, List<List<String>> rows) {
        Map<String, long[]> byChannel = new TreeMap<>();
        sum(days, DailyReports.Counter.DECISIONS).forEach((k, v) -> {
            long[] n = byChannel.computeIfAbsent(k.get(0), c -> new long[4]);
            switch (k.get(1)) {
                case "ALLOCATED" -> n[0] += v;
                case "PARTIAL" -> n[1] += v;
                case "BACKORDERED" -> n[2] += v;
                default -> n[3] += v;
            }
        });
        byChannel.forEach((channel, n) -> {
            long all = n[0] + n[1] + n[2] + n[3];
            rows.add(List.of(
                    label,
                    channel,
                    Long.toString(all),
                    Long.toString(n[0]),
                    Long.toString(n[1]),
                    Long.toString(n[2]),
                    Long.toString(n[3]),
                    rate(n[0], all),
                    rate(n[1], all),
                    rate(n[2], all)));
        });
    }

    private void onTime(String label, List<LocalDate> days, List<List<String>> rows) {
        Map<List<String>, Long> shipDue = sum(days, DailyReports.Counter.SHIP_DUE);
        Map<List<String>, Long> shipLate = sum(days, DailyReports.Counter.SHIP_BREACHED);
        Map<List<String>, Long> deliveryDue = sum(days, DailyReports.Counter.DELIVERY_DUE);
        Map<List<String>, Long> deliveryLate = sum(days, DailyReports.Counter.DELIVERY_BREACHED);
        TreeSet<List<String>> keys = new TreeSet<>(Reports::compare);
        keys.addAll(shipDue.keySet());
        keys.addAll(shipLate.keySet());
        keys.addAll(deliveryDue.keySet());
        keys.addAll(deliveryLate.keySet());
        for (List<String> k : keys) {
            long sd = shipDue.getOrDefault(k, 0L), sl = shipLate.getOrDefault(k, 0L);
            long dd = deliveryDue.getOrDefault(k, 0L), dl = deliveryLate.getOrDefault(k, 0L);
            rows.add(List.of(
                    label,
                    k.get(0),
                    k.get(1),
                    Long.toString(sd),
                    Long.toString(sl),
                    rate(Math.max(0, sd - sl), sd),
                    Long.toString(dd),
                    Long.toString(dl),
                    rate(Math.max(0, dd - dl), dd)));
        }
    }

    private static void top(String label, Map<List<String>, Long> bySku, List<List<String>> rows) {
        List<Map.Entry<List<String>, Long>> list = new ArrayList<>(bySku.entrySet());
        list.sort((a, b) -> a.getValue().equals(b.getValue())
                ? compare(a.getKey(), b.getKey())
                : Long.compare(b.getValue(), a.getValue()));
        for (Map.Entry<List<String>, Long> e : list.subList(0, Math.min(TOP, list.size())))
            rows.add(List.of(label, e.getKey().get(0), Long.toString(e.getValue())));
    }

    /** A share of a whole as a fraction with three decimals; empty when the whole is 0. */
    static String rate(long part, long whole) {
        return whole == 0 ? "" : String.format(Locale.ROOT, "%.3f", (double) part / whole);
    }

    private static TreeMap<List<String>, Long> sorted(Map<List<String>, Long> m) {
        TreeMap<List<String>, Long> out = new TreeMap<>(Reports::compare);
        out.putAll(m);
        return out;
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }
}
