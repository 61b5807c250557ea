package io.stockflow.serve;

/** A request the API cannot answer as asked: a 400 with the reason. */
final class BadQuery extends RuntimeException {
    BadQuery(String reason) {
        super(reason, null, false, false);
    }
}
