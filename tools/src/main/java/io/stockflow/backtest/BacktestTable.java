package io.stockflow.backtest;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/** The backtest's side-by-side table: one row per figure, one column per rule set. */
public final class BacktestTable {
    /** Histories of up to this many days show every day's shipments per location; longer ones the days over capacity. */
    static final int MAX_DAYS_SHOWN = 14;

    private BacktestTable() {}

    public static String render(List<BacktestSummary> runs) {
        List<String[]> rows = new ArrayList<>();
        rows.add(row("rule set", runs, s -> s.version));
        rows.add(row("orders decided", runs, s -> String.valueOf(s.orders)));
        rows.add(row("allocated", runs, s -> String.valueOf(s.allocated)));
        rows.add(row("  shipped complete", runs, s -> String.valueOf(s.shippedComplete)));
        rows.add(row("  split", runs, s -> String.valueOf(s.split)));
        rows.add(row("partial", runs, s -> String.valueOf(s.partial)));
        rows.add(row("backordered", runs, s -> String.valueOf(s.backordered)));
        rows.add(row("rejected", runs, s -> String.valueOf(s.rejected)));
        rows.add(row("units backordered", runs, s -> String.valueOf(s.unitsBackordered)));
        rows.add(row("shipments", runs, s -> String.valueOf(s.shipments)));
        rows.add(row(
                "est. shipping cost",
                runs,
                s -> s.shippingCost.setScale(2, RoundingMode.HALF_UP).toPlainString()));
        rows.add(row("mean transit days", runs, s -> String.format(Locale.ROOT, "%.2f", s.meanTransitDays())));
        TreeSet<String> locations = new TreeSet<>();
        for (BacktestSummary s : runs) locations.addAll(s.load.keySet());
        for (String location : locations) {
            rows.add(row("shipments from " + location, runs, s -> String.valueOf(s.load.getOrDefault(location, 0L))));
            for (LocalDate day : shownDays(runs, location)) {
                rows.add(row("  on " + day, runs, s -> {
                    BacktestSummary.DayLoad load =
                            s.days.getOrDefault(location, Map.of()).get(day);
                    return load == null ? "0" : load.toString();
                }));
            }
        }
        rows.add(row("days over capacity", runs, s -> String.valueOf(s.daysOverCapacity())));
        int[] widths = new int[runs.size() + 1];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) widths[i] = Math.max(widths[i], r[i].length());
        }
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < rows.size(); n++) {
            String[] r = rows.get(n);
            out.append(String.format("%-" + widths[0] + "s", r[0]));
            for (int i = 1; i < r.length; i++) out.append("  ").append(String.format("%" + widths[i] + "s", r[i]));
            out.append('\n');
            if (n == 0) out.append("-".repeat(out.length() - 1)).append('\n');
        }
        return out.toString();
    }

    /**
     * The days of a location to show a row for (planned, or planned/capacity): every day of a short history, else only
     * the days over capacity in some run.
     */
    private static SortedSet<LocalDate> shownDays(List<BacktestSummary> runs, String location) {
        SortedSet<LocalDate> all = new TreeSet<>();
        SortedSet<LocalDate> over = new TreeSet<>();
        for (BacktestSummary s : runs) {
            s.days.getOrDefault(location, Map.of()).forEach((day, load) -> {
                all.add(day);
                if (load.over()) over.add(day);
            });
        }
        return all.size() <= MAX_DAYS_SHOWN ? all : over;
    }

    private static String[] row(String label, List<BacktestSummary> runs, Function<BacktestSummary, String> value) {
        String[] r = new String[runs.size() + 1];
        r[0] = label;
        for (int i = 0; i < runs.size(); i++) r[i + 1] = value.apply(runs.get(i));
        return r;
    }
}
