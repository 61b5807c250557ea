package io.stockflow.serve;

/** The views the console and the reports read, beside the query API's: filled by the {@link Materializer}. */
final class ConsoleViews {
    final DailyReports reports = new DailyReports();
    final LiveActivity live = new LiveActivity();
    final ListedQuantities listed = new ListedQuantities();
    final OrderDeadlines deadlines;

    ConsoleViews(int maxOrders) {
        this.deadlines = new OrderDeadlines(maxOrders, reports);
    }
}
