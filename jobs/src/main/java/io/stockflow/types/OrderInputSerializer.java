package io.stockflow.types;

import io.stockflow.ingest.OrderInput;
import io.stockflow.model.FulfilmentEvent;
import io.stockflow.model.FulfilmentType;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * {@link OrderInput}s (a canonical order event or a fulfilment event, and a route) between parsing and the gate, and
 * in the state of the bounded runs' event-time sorter. Format 2 adds the order's {@code fulfilledBy} and
 * {@code shipAddressHash}; format 3 the order's {@code returnId} and {@code marketplaceLines}. Formats 1
 * ({@link FormatOne}) and 2 ({@link FormatTwo}) are still read, so state written in them restores.
 */
public final class OrderInputSerializer extends CompactSerializer<OrderInput> {
    public static final OrderInputSerializer INSTANCE = new OrderInputSerializer();
    private static final int CURRENT_FORMAT = 3;
    private static final OrderEventType[] ORDER_EVENT_TYPES = OrderEventType.values();
    private static final FulfilmentType[] FULFILMENT_TYPES = FulfilmentType.values();

    @Override
    public OrderInput createInstance() {
        return new OrderInput();
    }

    @Override
    public void serialize(OrderInput input, DataOutputView out) throws IOException {
        write(input, out, CURRENT_FORMAT);
    }

    @Override
    public OrderInput deserialize(DataInputView in) throws IOException {
        return read(in, CURRENT_FORMAT);
    }

    private static void write(OrderInput input, DataOutputView out, int format) throws IOException {
        out.writeBoolean(input.order != null);
        if (input.order != null) writeOrder(input.order, out, format);
        out.writeBoolean(input.fulfilment != null);
        if (input.fulfilment != null) writeFulfilment(input.fulfilment, out);
        RoutePlanFields.write(input.route, out);
    }

    private static OrderInput read(DataInputView in, int format) throws IOException {
        OrderInput input = new OrderInput();
        if (in.readBoolean()) input.order = readOrder(in, format);
        if (in.readBoolean()) input.fulfilment = readFulfilment(in);
        input.route = RoutePlanFields.read(in);
        return input;
    }

    private static void writeOrder(OrderEvent e, DataOutputView out, int format) throws IOException {
        BinaryFields.writeString(e.eventId, out);
        BinaryFields.writeString(e.orderId, out);
        BinaryFields.writeString(e.channel, out);
        BinaryFields.writeString(e.marketplaceOrderId, out);
        BinaryFields.writeEnum(e.type, out);
        BinaryFields.writeString(e.status, out);
        out.writeLong(e.eventTime);
        out.writeLong(e.receivedAt);
        BinaryFields.writeString(e.currency, out);
        BinaryFields.writeString(e.total, out);
        BinaryFields.writeString(e.shipCountry, out);
        BinaryFields.writeString(e.shipRegion, out);
        BinaryFields.writeString(e.shipPostcode, out);
        BinaryFields.writeString(e.serviceLevel, out);
        BinaryFields.writeOptionalLong(e.shipBy, out);
        BinaryFields.writeOptionalLong(e.deliverBy, out);
        OrderLineFields.write(e.lines, out);
        BinaryFields.writeString(e.shipLocation, out);
        BinaryFields.writeString(e.carrier, out);
        BinaryFields.writeString(e.trackingCode, out);
        BinaryFields.writeString(e.customerEmailHash, out);
        BinaryFields.writeString(e.customerPhoneHash, out);
        if (format >= 2) {
            BinaryFields.writeString(e.fulfilledBy, out);
            BinaryFields.writeString(e.shipAddressHash, out);
        }
        if (format >= 3) {
            BinaryFields.writeString(e.returnId, out);
            OrderLineFields.writeMarketplaceLines(e.marketplaceLines, out);
        }
    }

    private static OrderEvent readOrder(DataInputView in, int format) throws IOException {
        OrderEvent e = new OrderEvent();
        e.eventId = BinaryFields.readString(in);
        e.orderId = BinaryFields.readString(in);
        e.channel = BinaryFields.readString(in);
        e.marketplaceOrderId = BinaryFields.readString(in);
        e.type = BinaryFields.readEnum(ORDER_EVENT_TYPES, in);
        e.status = BinaryFields.readString(in);
        e.eventTime = in.readLong();
        e.receivedAt = in.readLong();
        e.currency = BinaryFields.readString(in);
        e.total = BinaryFields.readString(in);
        e.shipCountry = BinaryFields.readString(in);
        e.shipRegion = BinaryFields.readString(in);
        e.shipPostcode = BinaryFields.readString(in);
        e.serviceLevel = BinaryFields.readString(in);
        e.shipBy = BinaryFields.readOptionalLong(in);
        e.deliverBy = BinaryFields.readOptionalLong(in);
        e.lines = OrderLineFields.read(in);
        e.shipLocation = BinaryFields.readString(in);
        e.carrier = BinaryFields.readString(in);
        e.trackingCode = BinaryFields.readString(in);
        e.customerEmailHash = BinaryFields.readString(in);
        e.customerPhoneHash = BinaryFields.readString(in);
        if (format >= 2) {
            e.fulfilledBy = BinaryFields.readString(in);
            e.shipAddressHash = BinaryFields.readString(in);
        }
        if (format >= 3) {
            e.returnId = BinaryFields.readString(in);
            e.marketplaceLines = OrderLineFields.readMarketplaceLines(in);
        }
        return e;
    }

    private static void writeFulfilment(FulfilmentEvent e, DataOutputView out) throws IOException {
        BinaryFields.writeString(e.eventId, out);
        BinaryFields.writeString(e.orderId, out);
        BinaryFields.writeString(e.location, out);
        BinaryFields.writeEnum(e.type, out);
        OrderLineFields.write(e.lines, out);
        BinaryFields.writeString(e.carrier, out);
        BinaryFields.writeString(e.trackingCode, out);
        out.writeLong(e.occurredAt);
    }

    private static FulfilmentEvent readFulfilment(DataInputView in) throws IOException {
        FulfilmentEvent e = new FulfilmentEvent();
        e.eventId = BinaryFields.readString(in);
        e.orderId = BinaryFields.readString(in);
        e.location = BinaryFields.readString(in);
        e.type = BinaryFields.readEnum(FULFILMENT_TYPES, in);
        e.lines = OrderLineFields.read(in);
        e.carrier = BinaryFields.readString(in);
        e.trackingCode = BinaryFields.readString(in);
        e.occurredAt = in.readLong();
        return e;
    }

    @Override
    public TypeSerializerSnapshot<OrderInput> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Reads and writes format 1 (no {@code fulfilledBy}, no {@code shipAddressHash}): it restores state written in it. */
    public static final class FormatOne extends CompactSerializer<OrderInput> {
        public static final FormatOne INSTANCE = new FormatOne();

        @Override
        public OrderInput createInstance() {
            return new OrderInput();
        }

        @Override
        public void serialize(OrderInput input, DataOutputView out) throws IOException {
            write(input, out, 1);
        }

        @Override
        public OrderInput deserialize(DataInputView in) throws IOException {
            return read(in, 1);
        }

        @Override
        public TypeSerializerSnapshot<OrderInput> snapshotConfiguration() {
            return new Snapshot(3);
        }
    }

    /** Reads and writes format 2 (no {@code returnId}, no {@code marketplaceLines}): it restores state written in it. */
    public static final class FormatTwo extends CompactSerializer<OrderInput> {
        public static final FormatTwo INSTANCE = new FormatTwo();

        @Override
        public OrderInput createInstance() {
            return new OrderInput();
        }

        @Override
        public void serialize(OrderInput input, DataOutputView out) throws IOException {
            write(input, out, 2);
        }

        @Override
        public OrderInput deserialize(DataInputView in) throws IOException {
            return read(in, 2);
        }

        @Override
        public TypeSerializerSnapshot<OrderInput> snapshotConfiguration() {
            return new Snapshot(Snapshot.FORMAT_TWO);
        }
    }

    /**
     * Snapshot versions 2 and 3 were written as Flink's {@code SimpleTypeSerializerSnapshot} (version 2 with the
     * serializer's class name) and stand for format 1; version 4 stands for format 2, version 5 for format 3. State
     * in an older format restores through {@link FormatOne} or {@link FormatTwo} and is migrated.
     */
    public static final class Snapshot implements TypeSerializerSnapshot<OrderInput> {
        private static final int FORMAT_TWO = 4;
        private static final int FORMAT_THREE = 5;
        private int version;

        public Snapshot() {
            this(FORMAT_THREE);
        }

        private Snapshot(int version) {
            this.version = version;
        }

        @Override
        public int getCurrentVersion() {
            return version;
        }

        @Override
        public void writeSnapshot(DataOutputView out) {}

        @Override
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
            if (readVersion < 2 || readVersion > FORMAT_THREE) {
                throw new IOException("unknown OrderInput serializer snapshot version " + readVersion);
            }
            if (readVersion == 2) in.readUTF();
            version = readVersion;
        }

        @Override
        public TypeSerializer<OrderInput> restoreSerializer() {
            if (version >= FORMAT_THREE) return INSTANCE;
            return version == FORMAT_TWO ? FormatTwo.INSTANCE : FormatOne.INSTANCE;
        }

        @Override
        public TypeSerializerSchemaCompatibility<OrderInput> resolveSchemaCompatibility(
                TypeSerializerSnapshot<OrderInput> old) {
            if (!(old instanceof Snapshot)) return TypeSerializerSchemaCompatibility.incompatible();
            return ((Snapshot) old).version >= FORMAT_THREE
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.compatibleAfterMigration();
        }
    }
}
