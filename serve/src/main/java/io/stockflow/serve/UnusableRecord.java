package io.stockflow.serve;

/** A record the views cannot use, with the reason's category (a metric tag) and the precise reason. */
final class UnusableRecord extends Exception {
    final String category;

    UnusableRecord(String category, String reason) {
        super(reason, null, false, false);
        this.category = category;
    }
}
