package io.stockflow.types;

import io.stockflow.allocation.AllocatedUnits;
import io.stockflow.allocation.Decision;
import io.stockflow.allocation.OrderAllocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * {@link OrderAllocation}s from the allocation assembly (and the order gate's rejections) to the JSON writer and the
 * shipment claims: the explanation, a kilobyte of JSON, goes as UTF-8 bytes in one piece. The assembly's state keeps
 * its POJO type.
 */
public final class OrderAllocationSerializer extends CompactSerializer<OrderAllocation> {
    public static final OrderAllocationSerializer INSTANCE = new OrderAllocationSerializer();
    private static final Decision[] DECISIONS = Decision.values();

    @Override
    public OrderAllocation createInstance() {
        return new OrderAllocation();
    }

    @Override
    public void serialize(OrderAllocation a, DataOutputView out) throws IOException {
        BinaryFields.writeString(a.orderId, out);
        BinaryFields.writeString(a.channel, out);
        BinaryFields.writeEnum(a.decision, out);
        writeUnits(a.allocations, out);
        writeUnits(a.backordered, out);
        BinaryFields.writeString(a.ruleSetVersion, out);
        BinaryFields.writeStrings(a.ruleIds, out);
        BinaryFields.writeText(a.reason, out);
        out.writeLong(a.eventTime);
        out.writeLong(a.decidedAt);
        BinaryFields.writeText(a.explanationJson, out);
        out.writeInt(a.revision);
        writeUnits(a.filled, out);
    }

    @Override
    public OrderAllocation deserialize(DataInputView in) throws IOException {
        OrderAllocation a = new OrderAllocation();
        a.orderId = BinaryFields.readString(in);
        a.channel = BinaryFields.readString(in);
        a.decision = BinaryFields.readEnum(DECISIONS, in);
        a.allocations = readUnits(in);
        a.backordered = readUnits(in);
        a.ruleSetVersion = BinaryFields.readString(in);
        a.ruleIds = BinaryFields.readStrings(in);
        a.reason = BinaryFields.readText(in);
        a.eventTime = in.readLong();
        a.decidedAt = in.readLong();
        a.explanationJson = BinaryFields.readText(in);
        a.revision = in.readInt();
        a.filled = readUnits(in);
        return a;
    }

    private static void writeUnits(List<AllocatedUnits> units, DataOutputView out) throws IOException {
        out.writeInt(units == null ? -1 : units.size());
        if (units == null) return;
        for (AllocatedUnits u : units) {
            BinaryFields.writeString(u.sku, out);
            out.writeLong(u.quantity);
            BinaryFields.writeString(u.location, out);
        }
    }

    private static List<AllocatedUnits> readUnits(DataInputView in) throws IOException {
        int size = in.readInt();
        if (size < 0) return null;
        List<AllocatedUnits> units = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            units.add(new AllocatedUnits(BinaryFields.readString(in), in.readLong(), BinaryFields.readString(in)));
        }
        return units;
    }

    @Override
    public TypeSerializerSnapshot<OrderAllocation> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Format version 1: the fields above, in that order. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<OrderAllocation> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
