package io.stockflow.types;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A hand-written serializer for a record that crosses a keyed exchange on the hot path: fields written in a fixed
 * order, no reflection, no per-field null flags where a field cannot be null. Flink's POJO serializer spent a fifth of
 * the stock ledger's time creating instances and setting fields reflectively. Subclasses write and read the fields;
 * copies go through the same bytes, so a copy is as deep as the format.
 */
abstract class CompactSerializer<T> extends TypeSerializerSingleton<T> {
    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public T copy(T from) {
        if (from == null) return null;
        try {
            DataOutputSerializer out = new DataOutputSerializer(256);
            serialize(from, out);
            return deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        } catch (IOException e) {
            throw new IllegalStateException("copying through memory cannot fail", e);
        }
    }

    @Override
    public T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }
}
