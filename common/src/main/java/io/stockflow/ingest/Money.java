package io.stockflow.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money amounts as the decimal strings of the canonical model. */
final class Money {
    private Money() {}

    /** Rounded half-up to two decimals: {@code 24.5} becomes {@code "24.50"}. */
    static String twoDecimals(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** The price of one unit when a marketplace gives only the line's cost, to two decimals. */
    static String perUnit(BigDecimal lineCost, long quantity) {
        if (lineCost == null) return null;
        return lineCost.divide(BigDecimal.valueOf(quantity), 2, RoundingMode.HALF_UP)
                .toPlainString();
    }
}
