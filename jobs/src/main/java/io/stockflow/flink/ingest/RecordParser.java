package io.stockflow.flink.ingest;

import io.stockflow.json.InvalidRecordException;
import java.io.Serializable;

/** Turns the bytes of one input record into a validated value, or says precisely why it cannot. */
@FunctionalInterface
public interface RecordParser<T> {
    T parse(byte[] record) throws InvalidRecordException;

    /** Creates a parser on the task manager, so parsers need not be serializable. */
    @FunctionalInterface
    interface Factory<T> extends Serializable {
        RecordParser<T> create();
    }
}
