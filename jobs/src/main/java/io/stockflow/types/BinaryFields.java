package io.stockflow.types;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/** Writes and reads the field types the compact serializers share; every one may be null. */
final class BinaryFields {
    private BinaryFields() {}

    static void writeString(String value, DataOutputView out) throws IOException {
        StringValue.writeString(value, out);
    }

    static String readString(DataInputView in) throws IOException {
        return StringValue.readString(in);
    }

    /**
     * A long string (a JSON document) as its UTF-8 bytes, written and read in one piece: {@link StringValue} goes a
     * character at a time, which costs more than the encoding for a string of a kilobyte.
     */
    static void writeText(String value, DataOutputView out) throws IOException {
        writeBytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8), out);
    }

    static String readText(DataInputView in) throws IOException {
        byte[] utf8 = readBytes(in);
        return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
    }

    /** An enum constant as its ordinal plus one; 0 is null. The order of constants is part of the format. */
    static void writeEnum(Enum<?> value, DataOutputView out) throws IOException {
        out.writeByte(value == null ? 0 : value.ordinal() + 1);
    }

    static <E extends Enum<E>> E readEnum(E[] constants, DataInputView in) throws IOException {
        int code = in.readUnsignedByte();
        return code == 0 ? null : constants[code - 1];
    }

    static void writeOptionalLong(Long value, DataOutputView out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) out.writeLong(value);
    }

    static Long readOptionalLong(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    static void writeBytes(byte[] value, DataOutputView out) throws IOException {
        out.writeInt(value == null ? -1 : value.length);
        if (value != null) out.write(value);
    }

    static byte[] readBytes(DataInputView in) throws IOException {
        int length = in.readInt();
        if (length < 0) return null;
        byte[] value = new byte[length];
        in.readFully(value);
        return value;
    }

    static void writeStrings(List<String> values, DataOutputView out) throws IOException {
        out.writeInt(values == null ? -1 : values.size());
        if (values != null) for (String v : values) writeString(v, out);
    }

    static List<String> readStrings(DataInputView in) throws IOException {
        int size = in.readInt();
        if (size < 0) return null;
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) values.add(readString(in));
        return values;
    }

    static void writeLongsByName(Map<String, Long> values, DataOutputView out) throws IOException {
        out.writeInt(values == null ? -1 : values.size());
        if (values == null) return;
        for (Map.Entry<String, Long> e : values.entrySet()) {
            writeString(e.getKey(), out);
            writeOptionalLong(e.getValue(), out);
        }
    }

    static Map<String, Long> readLongsByName(DataInputView in) throws IOException {
        int size = in.readInt();
        if (size < 0) return null;
        Map<String, Long> values = new HashMap<>(Math.max(4, size * 2));
        for (int i = 0; i < size; i++) values.put(readString(in), readOptionalLong(in));
        return values;
    }
}
