package io.stockflow.ingest;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The checks every input shares: lengths of ids, quantity bounds, prices and the number of lines. */
final class LimitChecks {
    /** Reads one line object into an {@link OrderLine} (null to leave the line out), or says why it cannot. */
    @FunctionalInterface
    interface LineReader {
        OrderLine read(JsonFields line) throws InvalidRecordException;
    }

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final IngestLimits limits;

    LimitChecks(IngestLimits limits) {
        this.limits = limits;
    }

    /** A required id (string or integer) no longer than the limit. */
    String id(JsonFields fields, String name) throws InvalidRecordException {
        return length(fields, name, fields.id(name));
    }

    String optId(JsonFields fields, String name) throws InvalidRecordException {
        String id = fields.optId(name);
        return id == null ? null : length(fields, name, id);
    }

    /** Optional text such as a tracking number: blank means absent, and it must fit the id length limit. */
    String optCode(JsonFields fields, String name) throws InvalidRecordException {
        String text = fields.optNonBlank(name);
        return text == null ? null : length(fields, name, text);
    }

    /** A line's SKU: required, non-blank, within the length limit. */
    String sku(JsonFields line, String name) throws InvalidRecordException {
        String sku = line.text(name).trim();
        if (sku.isEmpty()) throw line.invalid(name, "must not be empty");
        return length(line, name, sku);
    }

    /** A line quantity: an integer from 1 to the limit. */
    long quantity(JsonFields line, String name) throws InvalidRecordException {
        long quantity = line.integer(name);
        if (quantity <= 0) throw line.invalid(name, "must be positive");
        if (quantity > limits.maxQuantity) throw line.invalid(name, "must be at most " + limits.maxQuantity);
        return quantity;
    }

    /** A signed quantity whose magnitude is within the limit. */
    long signedQuantity(JsonFields fields, String name) throws InvalidRecordException {
        long quantity = fields.integer(name);
        if (Math.abs(quantity) > limits.maxQuantity) {
            throw fields.invalid(name, "must be at most " + limits.maxQuantity + " in absolute value");
        }
        return quantity;
    }

    /** An optional ISO-4217 currency code, upper-cased; null when absent or blank. */
    String optCurrency(JsonFields fields, String name) throws InvalidRecordException {
        String code = fields.optNonBlank(name);
        if (code == null) return null;
        code = code.toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(code).matches()) throw fields.invalid(name, "must be an ISO-4217 currency code");
        return code;
    }

    /** An optional money amount: a non-negative decimal, null when absent. */
    BigDecimal optMoney(JsonFields fields, String name) throws InvalidRecordException {
        BigDecimal amount = fields.optDecimal(name);
        if (amount != null && amount.signum() < 0) throw fields.invalid(name, "must not be negative");
        return amount;
    }

    String optMoneyText(JsonFields fields, String name) throws InvalidRecordException {
        BigDecimal amount = optMoney(fields, name);
        return amount == null ? null : amount.toPlainString();
    }

    /** The lines of an order event: PLACED and UPDATED need at least one, the other types may have none. */
    List<OrderLine> orderLines(JsonFields parent, String name, OrderEventType type, LineReader reader)
            throws InvalidRecordException {
        boolean required = type == OrderEventType.PLACED || type == OrderEventType.UPDATED;
        String what = (type == OrderEventType.UPDATED ? "an " : "a ") + type + " order";
        return lines(parent, name, required, what, reader);
    }

    /**
     * Reads the line array {@code name} of {@code parent} (absent counts as empty), refuses more lines than the limit
     * before reading any, merges lines of the same SKU and, when {@code required}, refuses an empty result.
     */
    List<OrderLine> lines(JsonFields parent, String name, boolean required, String what, LineReader reader)
            throws InvalidRecordException {
        int size = parent.arraySize(name);
        if (size > limits.maxLines) {
            throw new InvalidRecordException("field '" + parent.pathOf(name) + "' has " + size
                    + " lines, more than the limit of " + limits.maxLines);
        }
        List<OrderLine> lines = new ArrayList<>(size);
        for (JsonFields line : parent.optArray(name)) {
            OrderLine read = reader.read(line);
            if (read != null) lines.add(read);
        }
        if (required && lines.isEmpty()) {
            throw new InvalidRecordException(
                    "field '" + parent.pathOf(name) + "' has no lines, and " + what + " needs at least one");
        }
        List<OrderLine> merged = LineMerger.merge(lines);
        for (OrderLine line : merged) {
            if (line.quantity > limits.maxQuantity) {
                throw new InvalidRecordException("field '" + parent.pathOf(name) + "' holds " + line.quantity
                        + " units of sku '" + line.sku + "' in all, more than the limit of " + limits.maxQuantity);
            }
        }
        return merged;
    }

    private String length(JsonFields fields, String name, String value) throws InvalidRecordException {
        if (value.length() > limits.maxIdLength) {
            throw fields.invalid(
                    name, "is " + value.length() + " characters long, more than the limit of " + limits.maxIdLength);
        }
        return value;
    }
}
