package io.stockflow.types;

import io.stockflow.ledger.LedgerCommand;
import io.stockflow.model.MovementType;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link LedgerCommand}s between the order gate (and movements) and the stock ledger. */
public final class LedgerCommandSerializer extends CompactSerializer<LedgerCommand> {
    public static final LedgerCommandSerializer INSTANCE = new LedgerCommandSerializer();
    private static final LedgerCommand.Kind[] KINDS = LedgerCommand.Kind.values();
    private static final MovementType[] MOVEMENT_TYPES = MovementType.values();

    @Override
    public LedgerCommand createInstance() {
        return new LedgerCommand();
    }

    @Override
    public void serialize(LedgerCommand c, DataOutputView out) throws IOException {
        BinaryFields.writeEnum(c.kind, out);
        BinaryFields.writeString(c.sku, out);
        BinaryFields.writeString(c.eventId, out);
        BinaryFields.writeString(c.orderId, out);
        BinaryFields.writeString(c.channel, out);
        BinaryFields.writeString(c.location, out);
        BinaryFields.writeEnum(c.movementType, out);
        out.writeLong(c.quantity);
        out.writeBoolean(c.restock);
        out.writeBoolean(c.decision);
        out.writeInt(c.lineCount);
        out.writeLong(c.eventTime);
        out.writeLong(c.receivedAt);
        RoutePlanFields.write(c.route, out);
    }

    @Override
    public LedgerCommand deserialize(DataInputView in) throws IOException {
        LedgerCommand c = new LedgerCommand();
        c.kind = BinaryFields.readEnum(KINDS, in);
        c.sku = BinaryFields.readString(in);
        c.eventId = BinaryFields.readString(in);
        c.orderId = BinaryFields.readString(in);
        c.channel = BinaryFields.readString(in);
        c.location = BinaryFields.readString(in);
        c.movementType = BinaryFields.readEnum(MOVEMENT_TYPES, in);
        c.quantity = in.readLong();
        c.restock = in.readBoolean();
        c.decision = in.readBoolean();
        c.lineCount = in.readInt();
        c.eventTime = in.readLong();
        c.receivedAt = in.readLong();
        c.route = RoutePlanFields.read(in);
        return c;
    }

    @Override
    public TypeSerializerSnapshot<LedgerCommand> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Format version 1: the fields above, in that order. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<LedgerCommand> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
