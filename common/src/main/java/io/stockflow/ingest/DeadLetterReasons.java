package io.stockflow.ingest;

/**
 * Sorts dead-letter reasons (precise sentences, one per record) into a few stable categories, so that a metric can
 * count dead letters by reason without one time series per distinct message.
 */
public final class DeadLetterReasons {
    public static final String EMPTY = "empty";
    public static final String NOT_JSON = "not_json";
    public static final String MISSING_FIELD = "missing_field";
    public static final String INVALID_FIELD = "invalid_field";
    public static final String LIMIT_EXCEEDED = "limit_exceeded";
    public static final String UNKNOWN_SOURCE = "unknown_source";
    public static final String PARSER_ERROR = "parser_error";
    public static final String OTHER = "other";

    private DeadLetterReasons() {}

    public static String category(String reason) {
        if (reason == null || reason.isEmpty()) return OTHER;
        if (reason.startsWith("record is empty")) return EMPTY;
        if (reason.startsWith("record ")) return NOT_JSON;
        if (reason.startsWith("missing field")) return MISSING_FIELD;
        if (reason.startsWith("unknown source") || reason.startsWith("unknown kind")) return UNKNOWN_SOURCE;
        if (reason.startsWith("unexpected ") || reason.startsWith("the parser produced nothing")) return PARSER_ERROR;
        if (reason.contains("more than the limit")) return LIMIT_EXCEEDED;
        if (reason.startsWith("field '") || reason.contains(" quantity ")) return INVALID_FIELD;
        return OTHER;
    }
}
