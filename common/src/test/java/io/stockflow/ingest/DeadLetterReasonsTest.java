package io.stockflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeadLetterReasonsTest {
    @Test
    void sortsThePreciseReasonsOfTheParsersIntoFewCategories() {
        assertThat(DeadLetterReasons.category("record is empty")).isEqualTo(DeadLetterReasons.EMPTY);
        assertThat(DeadLetterReasons.category("record is not JSON: Unexpected character"))
                .isEqualTo(DeadLetterReasons.NOT_JSON);
        assertThat(DeadLetterReasons.category("record is not a JSON object, got [1]"))
                .isEqualTo(DeadLetterReasons.NOT_JSON);
        assertThat(DeadLetterReasons.category("missing field 'payload.id'")).isEqualTo(DeadLetterReasons.MISSING_FIELD);
        assertThat(DeadLetterReasons.category("unknown source 'etsy' (expected one of ...)"))
                .isEqualTo(DeadLetterReasons.UNKNOWN_SOURCE);
        assertThat(DeadLetterReasons.category("field 'payload.line_items' has 900 lines, more than the limit of 500"))
                .isEqualTo(DeadLetterReasons.LIMIT_EXCEEDED);
        assertThat(DeadLetterReasons.category(
                        "field 'payload.line_items' has no lines, and an order needs at least one"))
                .isEqualTo(DeadLetterReasons.INVALID_FIELD);
        assertThat(DeadLetterReasons.category("RECEIPT quantity must be positive, got -4"))
                .isEqualTo(DeadLetterReasons.INVALID_FIELD);
        assertThat(DeadLetterReasons.category("unexpected NullPointerException while parsing: x"))
                .isEqualTo(DeadLetterReasons.PARSER_ERROR);
        assertThat(DeadLetterReasons.category("something new")).isEqualTo(DeadLetterReasons.OTHER);
    }
}
