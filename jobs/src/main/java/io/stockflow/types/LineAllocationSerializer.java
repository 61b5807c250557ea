package io.stockflow.types;

import io.stockflow.ledger.Allocation;
import io.stockflow.ledger.HoldCorrection;
import io.stockflow.ledger.LineAllocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link LineAllocation}s from the stock ledger to the allocation assembly (the assembly's state keeps its POJO type). */
public final class LineAllocationSerializer extends CompactSerializer<LineAllocation> {
    public static final LineAllocationSerializer INSTANCE = new LineAllocationSerializer();
    private static final HoldCorrection.Outcome[] OUTCOMES = HoldCorrection.Outcome.values();

    @Override
    public LineAllocation createInstance() {
        return new LineAllocation();
    }

    @Override
    public void serialize(LineAllocation line, DataOutputView out) throws IOException {
        BinaryFields.writeString(line.orderId, out);
        BinaryFields.writeString(line.eventId, out);
        BinaryFields.writeString(line.channel, out);
        BinaryFields.writeString(line.sku, out);
        out.writeInt(line.lineCount);
        out.writeLong(line.requested);
        writeAllocations(line.allocations, out);
        out.writeLong(line.backordered);
        BinaryFields.writeString(line.reason, out);
        out.writeLong(line.eventTime);
        RoutePlanFields.write(line.route, out);
        BinaryFields.writeLongsByName(line.free, out);
        BinaryFields.writeEnum(line.correction, out);
        writeAllocations(line.fill, out);
        BinaryFields.writeString(line.filledBy, out);
    }

    @Override
    public LineAllocation deserialize(DataInputView in) throws IOException {
        LineAllocation line = new LineAllocation();
        line.orderId = BinaryFields.readString(in);
        line.eventId = BinaryFields.readString(in);
        line.channel = BinaryFields.readString(in);
        line.sku = BinaryFields.readString(in);
        line.lineCount = in.readInt();
        line.requested = in.readLong();
        line.allocations = readAllocations(in);
        line.backordered = in.readLong();
        line.reason = BinaryFields.readString(in);
        line.eventTime = in.readLong();
        line.route = RoutePlanFields.read(in);
        line.free = BinaryFields.readLongsByName(in);
        line.correction = BinaryFields.readEnum(OUTCOMES, in);
        line.fill = readAllocations(in);
        line.filledBy = BinaryFields.readString(in);
        return line;
    }

    private static void writeAllocations(List<Allocation> allocations, DataOutputView out) throws IOException {
        out.writeInt(allocations == null ? -1 : allocations.size());
        if (allocations == null) return;
        for (Allocation a : allocations) {
            BinaryFields.writeString(a.location, out);
            out.writeLong(a.quantity);
        }
    }

    private static List<Allocation> readAllocations(DataInputView in) throws IOException {
        int size = in.readInt();
        if (size < 0) return null;
        List<Allocation> allocations = new ArrayList<>(size);
        for (int i = 0; i < size; i++) allocations.add(new Allocation(BinaryFields.readString(in), in.readLong()));
        return allocations;
    }

    @Override
    public TypeSerializerSnapshot<LineAllocation> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Format version 1: the fields above, in that order. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<LineAllocation> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
