package io.stockflow.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.allocation.AllocatedUnits;
import io.stockflow.allocation.OrderAllocation;
import io.stockflow.ingest.OrderInput;
import io.stockflow.ledger.Allocation;
import io.stockflow.ledger.LedgerCommand;
import io.stockflow.ledger.LineAllocation;
import io.stockflow.ledger.RoutePlan;
import io.stockflow.model.FulfilmentEvent;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderLine;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * Every field of the records survives the compact serializers. The records are filled by reflection, so a field added
 * to {@link LedgerCommand}, {@link OrderInput}, {@link LineAllocation}, {@link OrderAllocation} or what they carry, and not to its serializer, fails here.
 */
class CompactSerializersTest {
    private final Random random = new Random(7);

    @Test
    void everyFieldOfALedgerCommandSurvives() throws Exception {
        assertEveryFieldSurvives(LedgerCommand.class, LedgerCommandSerializer.INSTANCE);
    }

    @Test
    void everyFieldOfAnOrderInputSurvives() throws Exception {
        assertEveryFieldSurvives(OrderInput.class, OrderInputSerializer.INSTANCE);
    }

    @Test
    void everyFieldOfALineAllocationSurvives() throws Exception {
        assertEveryFieldSurvives(LineAllocation.class, LineAllocationSerializer.INSTANCE);
    }

    @Test
    void everyFieldOfAnOrderAllocationSurvives() throws Exception {
        assertEveryFieldSurvives(OrderAllocation.class, OrderAllocationSerializer.INSTANCE);
    }

    /** 200 records filled at random, every fifth with nulls where a field may be null. */
    private <T> void assertEveryFieldSurvives(Class<T> type, TypeSerializer<T> serializer) throws Exception {
        for (int i = 0; i < 200; i++) {
            T record = filled(type, i % 5 == 0);
            assertThat(roundTrip(serializer, record)).usingRecursiveComparison().isEqualTo(record);
        }
    }

    @Test
    void emptyRecordsSurvive() throws Exception {
        assertThat(roundTrip(LedgerCommandSerializer.INSTANCE, new LedgerCommand()))
                .usingRecursiveComparison()
                .isEqualTo(new LedgerCommand());
        LineAllocation line = new LineAllocation();
        line.allocations = null;
        assertThat(roundTrip(LineAllocationSerializer.INSTANCE, line))
                .usingRecursiveComparison()
                .isEqualTo(line);
        OrderInput input = new OrderInput();
        input.order = new OrderEvent();
        input.order.lines = null;
        input.fulfilment = new FulfilmentEvent();
        input.route = new RoutePlan();
        input.route.candidates = null;
        input.route.safetyStock = null;
        assertThat(roundTrip(OrderInputSerializer.INSTANCE, input))
                .usingRecursiveComparison()
                .isEqualTo(input);
    }

    @Test
    void aCopyIsEqualButShared() throws Exception {
        OrderInput input = filled(OrderInput.class, false);
        OrderInput copy = OrderInputSerializer.INSTANCE.copy(input);
        assertThat(copy).usingRecursiveComparison().isEqualTo(input);
        assertThat(copy.order.lines).isNotSameAs(input.order.lines);
    }

    @Test
    void aRestoredSnapshotGivesTheSameSerializer() throws Exception {
        for (TypeSerializer<?> serializer : List.of(
                LedgerCommandSerializer.INSTANCE,
                OrderInputSerializer.INSTANCE,
                LineAllocationSerializer.INSTANCE,
                OrderAllocationSerializer.INSTANCE)) {
            assertSnapshotRestores(serializer);
        }
    }

    /**
     * State written before {@code fulfilledBy} and {@code shipAddressHash} (snapshot version 3, Flink's simple snapshot) restores through the
     * format-1 serializer, which reads the old bytes, and is migrated to the current format.
     */
    @Test
    void orderInputsWrittenInFormatOneRestoreAndMigrate() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(
                out, OrderInputSerializer.FormatOne.INSTANCE.snapshotConfiguration());
        TypeSerializerSnapshot<OrderInput> old = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), CompactSerializersTest.class.getClassLoader());
        assertThat(old.getCurrentVersion()).isEqualTo(3);
        assertThat(OrderInputSerializer.INSTANCE
                        .snapshotConfiguration()
                        .resolveSchemaCompatibility(old)
                        .isCompatibleAfterMigration())
                .isTrue();

        OrderInput input = filled(OrderInput.class, false);
        DataOutputSerializer bytes = new DataOutputSerializer(256);
        OrderInputSerializer.FormatOne.INSTANCE.serialize(input, bytes);
        OrderInput restored = old.restoreSerializer().deserialize(new DataInputDeserializer(bytes.getCopyOfBuffer()));
        assertThat(restored.order.fulfilledBy).isNull();
        assertThat(restored.order.shipAddressHash).isNull();
        assertThat(restored)
                .usingRecursiveComparison()
                .ignoringFields(
                        "order.fulfilledBy", "order.shipAddressHash", "order.returnId", "order.marketplaceLines")
                .isEqualTo(input);
    }

    /**
     * State written before a return's {@code returnId} and the {@code marketplaceLines} (snapshot version 4) restores
     * through the format-2 serializer and is migrated to the current format.
     */
    @Test
    void orderInputsWrittenInFormatTwoRestoreAndMigrate() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(
                out, OrderInputSerializer.FormatTwo.INSTANCE.snapshotConfiguration());
        TypeSerializerSnapshot<OrderInput> old = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), CompactSerializersTest.class.getClassLoader());
        assertThat(old.getCurrentVersion()).isEqualTo(4);
        assertThat(OrderInputSerializer.INSTANCE
                        .snapshotConfiguration()
                        .resolveSchemaCompatibility(old)
                        .isCompatibleAfterMigration())
                .isTrue();

        OrderInput input = filled(OrderInput.class, false);
        DataOutputSerializer bytes = new DataOutputSerializer(256);
        OrderInputSerializer.FormatTwo.INSTANCE.serialize(input, bytes);
        OrderInput restored = old.restoreSerializer().deserialize(new DataInputDeserializer(bytes.getCopyOfBuffer()));
        assertThat(restored.order.returnId).isNull();
        assertThat(restored.order.marketplaceLines).isEmpty();
        assertThat(restored)
                .usingRecursiveComparison()
                .ignoringFields("order.returnId", "order.marketplaceLines")
                .isEqualTo(input);
    }

    private static <T> void assertSnapshotRestores(TypeSerializer<T> serializer) throws Exception {
        TypeSerializerSnapshot<T> snapshot = serializer.snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        TypeSerializerSnapshot<T> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), CompactSerializersTest.class.getClassLoader());
        assertThat(read.restoreSerializer()).isEqualTo(serializer);
        TypeSerializerSchemaCompatibility<T> compatibility =
                serializer.snapshotConfiguration().resolveSchemaCompatibility(read);
        assertThat(compatibility.isCompatibleAsIs()).isTrue();
    }

    private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(128);
        serializer.serialize(value, out);
        serializer.serialize(value, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        serializer.deserialize(in);
        T back = serializer.deserialize(in);
        assertThat(in.available()).as("bytes left after the second record").isZero();
        return back;
    }

    /** An instance with every public field set to a random value; with {@code sparse}, a few left null. */
    private <T> T filled(Class<T> type, boolean sparse) throws Exception {
        T instance = type.getDeclaredConstructor().newInstance();
        for (Field f : type.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers())) continue;
            if (sparse && !f.getType().isPrimitive() && random.nextInt(3) == 0) {
                f.set(instance, null);
                continue;
            }
            f.set(instance, value(f));
        }
        return instance;
    }

    private Object value(Field f) throws Exception {
        Class<?> t = f.getType();
        if (t == String.class) return "s" + random.nextInt(1_000_000) + (random.nextBoolean() ? "é€" : "");
        if (t == long.class || t == Long.class) return random.nextLong();
        if (t == int.class || t == Integer.class) return random.nextInt();
        if (t == boolean.class || t == Boolean.class) return true;
        if (t == byte[].class) {
            byte[] bytes = new byte[random.nextInt(40)];
            random.nextBytes(bytes);
            return bytes;
        }
        if (t.isEnum()) {
            Object[] constants = t.getEnumConstants();
            return constants[random.nextInt(constants.length)];
        }
        if (t == List.class) {
            Class<?> element = (Class<?>) ((ParameterizedType) f.getGenericType()).getActualTypeArguments()[0];
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                list.add(element == String.class ? "e" + random.nextInt(100) : filled(element, false));
            }
            return list;
        }
        if (t == Map.class) {
            Map<String, Long> map = new HashMap<>();
            for (int i = 0; i < random.nextInt(4); i++) map.put("k" + i, random.nextLong());
            return map;
        }
        if (t == RoutePlan.class
                || t == Allocation.class
                || t == AllocatedUnits.class
                || t == OrderEvent.class
                || t == FulfilmentEvent.class
                || t == OrderLine.class) {
            return filled(t, false);
        }
        throw new AssertionError("no test value for " + f + ": teach this test and the serializer the new field");
    }
}
