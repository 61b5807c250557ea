package io.stockflow.types;

import io.stockflow.allocation.OrderAllocation;
import io.stockflow.ingest.OrderInput;
import io.stockflow.ledger.LedgerCommand;
import io.stockflow.ledger.LineAllocation;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * The type of a record with a {@link CompactSerializer}, given where a stream of it is made. Only the streams use it:
 * state keeps its own declared types, so savepoints are unaffected.
 */
public final class CompactTypeInfo<T> extends TypeInformation<T> {
    public static final CompactTypeInfo<LedgerCommand> LEDGER_COMMAND =
            new CompactTypeInfo<>(LedgerCommand.class, LedgerCommandSerializer.INSTANCE);
    public static final CompactTypeInfo<OrderInput> ORDER_INPUT =
            new CompactTypeInfo<>(OrderInput.class, OrderInputSerializer.INSTANCE);
    public static final CompactTypeInfo<LineAllocation> LINE_ALLOCATION =
            new CompactTypeInfo<>(LineAllocation.class, LineAllocationSerializer.INSTANCE);
    public static final CompactTypeInfo<OrderAllocation> ORDER_ALLOCATION =
            new CompactTypeInfo<>(OrderAllocation.class, OrderAllocationSerializer.INSTANCE);

    private final Class<T> type;
    private final TypeSerializer<T> serializer;

    private CompactTypeInfo(Class<T> type, TypeSerializer<T> serializer) {
        this.type = type;
        this.serializer = serializer;
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return type;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return serializer;
    }

    @Override
    public String toString() {
        return "Compact<" + type.getSimpleName() + ">";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompactTypeInfo<?> other && other.canEqual(this) && type == other.type;
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof CompactTypeInfo;
    }
}
