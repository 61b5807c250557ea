package io.stockflow.flink.ingest;

import io.stockflow.json.InvalidRecordException;
import java.io.Serializable;
import java.util.function.Consumer;

/** Turns the bytes of one input record into a validated value, or says precisely why it cannot. */
@FunctionalInterface
public interface RecordParser<T> {
    T parse(byte[] record) throws InvalidRecordException;

    /** Creates a parser on the task manager, so parsers need not be serializable. */
    @FunctionalInterface
    interface Factory<T> extends Serializable {
        RecordParser<T> create();
    }

    /**
     * A parser that also sets values of another kind aside for a side output of the parse step (an order's contact
     * details): handed to {@code side}, they are emitted only when the record parses.
     */
    @FunctionalInterface
    interface WithSide<T, S> {
        T parse(byte[] record, Consumer<S> side) throws InvalidRecordException;

        /** Creates a parser on the task manager, so parsers need not be serializable. */
        @FunctionalInterface
        interface Factory<T, S> extends Serializable {
            WithSide<T, S> create();
        }
    }
}
