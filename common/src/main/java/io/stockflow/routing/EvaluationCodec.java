package io.stockflow.routing;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact binary form of an {@link Evaluation}, for the bytes of {@code RoutePlan.evaluation} that cross the keyed
 * exchanges: a format-version byte, then the fields in declaration order with variable-length integers. Each distinct
 * string is written once; a repeat (the deciding rule among the matched ones, a reason shared by exclusions) is a
 * back-reference to it.
 *
 * <p>Bytes written by Java serialization (what earlier versions kept, e.g. in the assembler's state of an order that
 * was incomplete at a savepoint) are still read.
 */
public final class EvaluationCodec {
    static final byte VERSION = 1;

    /** Java serialization's stream magic, 0xACED. */
    private static final byte JAVA_MAGIC_0 = (byte) 0xAC;

    private static final byte JAVA_MAGIC_1 = (byte) 0xED;

    // Flags of a candidate.
    private static final int AFTER_CUTOFF = 1;
    private static final int HAS_DISTANCE = 1 << 1;
    private static final int HAS_CAPACITY_LEFT = 1 << 2;
    private static final int HAS_SHIP_DAY = 1 << 3;
    private static final int HAS_DAILY_CAPACITY = 1 << 4;
    // Flags of an evaluation.
    private static final int FALLBACK = 1;
    private static final int SHIP_COMPLETE_PREFERRED = 1 << 1;
    private static final int ALLOW_BACKORDER = 1 << 2;

    private EvaluationCodec() {}

    public static byte[] write(Evaluation e) {
        Bytes data = new Bytes(256);
        Writer out = new Writer(data);
        data.writeByte(VERSION);
        out.string(e.ruleSetVersion());
        out.string(e.ruleId());
        data.writeByte((e.fallback() ? FALLBACK : 0)
                | (e.split().shipCompletePreferred() ? SHIP_COMPLETE_PREFERRED : 0)
                | (e.split().allowBackorder() ? ALLOW_BACKORDER : 0));
        out.varint(e.split().maxShipments());
        out.varint(e.matchedRuleIds().size());
        for (String id : e.matchedRuleIds()) out.string(id);
        out.varint(e.rankBy().size());
        for (Criterion c : e.rankBy()) out.string(c.name());
        out.string(e.serviceLevel());
        out.string(e.zone());
        out.varint(e.ranking().size());
        for (Candidate c : e.ranking()) candidate(out, c);
        out.varint(e.excluded().size());
        for (Exclusion x : e.excluded()) {
            out.string(x.location());
            out.string(x.why());
        }
        return data.toByteArray();
    }

    public static Evaluation read(byte[] bytes) {
        if (bytes.length >= 2 && bytes[0] == JAVA_MAGIC_0 && bytes[1] == JAVA_MAGIC_1) return readJavaSerialized(bytes);
        try {
            Cursor data = new Cursor(bytes);
            byte version = data.readByte();
            if (version != VERSION) throw new IllegalArgumentException("unknown evaluation format version " + version);
            Reader in = new Reader(data);
            String ruleSetVersion = in.string();
            String ruleId = in.string();
            int flags = data.readUnsignedByte();
            SplitPolicy split = new SplitPolicy(
                    (flags & SHIP_COMPLETE_PREFERRED) != 0, in.varint(), (flags & ALLOW_BACKORDER) != 0);
            List<String> matched = new ArrayList<>();
            for (int i = in.varint(); i > 0; i--) matched.add(in.string());
            List<Criterion> rankBy = new ArrayList<>();
            for (int i = in.varint(); i > 0; i--) rankBy.add(Criterion.valueOf(in.string()));
            String serviceLevel = in.string();
            String zone = in.string();
            List<Candidate> ranking = new ArrayList<>();
            for (int i = in.varint(); i > 0; i--) ranking.add(candidate(in));
            List<Exclusion> excluded = new ArrayList<>();
            for (int i = in.varint(); i > 0; i--) excluded.add(new Exclusion(in.string(), in.string()));
            return new Evaluation(
                    ruleSetVersion,
                    ruleId,
                    (flags & FALLBACK) != 0,
                    matched,
                    rankBy,
                    serviceLevel,
                    zone,
                    ranking,
                    excluded,
                    split);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void candidate(Writer out, Candidate c) {
        out.string(c.location());
        out.data.writeByte((c.afterCutoff() ? AFTER_CUTOFF : 0)
                | (c.distanceKm() != null ? HAS_DISTANCE : 0)
                | (c.capacityLeft() != null ? HAS_CAPACITY_LEFT : 0)
                | (c.shipDay() != null ? HAS_SHIP_DAY : 0)
                | (c.dailyCapacity() != null ? HAS_DAILY_CAPACITY : 0));
        out.varint(c.rank());
        out.signed(c.preferred());
        out.decimal(c.cost());
        out.signed(c.transitDays());
        if (c.distanceKm() != null) out.data.writeDouble(c.distanceKm());
        if (c.capacityLeft() != null) out.signed(c.capacityLeft());
        if (c.shipDay() != null) out.signed(c.shipDay().toEpochDay());
        if (c.dailyCapacity() != null) out.signed(c.dailyCapacity());
    }

    private static Candidate candidate(Reader in) throws IOException {
        String location = in.string();
        int flags = in.data.readUnsignedByte();
        int rank = in.varint();
        int preferred = (int) in.signed();
        BigDecimal cost = in.decimal();
        int transitDays = (int) in.signed();
        Double distance = (flags & HAS_DISTANCE) != 0 ? in.data.readDouble() : null;
        Long capacityLeft = (flags & HAS_CAPACITY_LEFT) != 0 ? in.signed() : null;
        LocalDate shipDay = (flags & HAS_SHIP_DAY) != 0 ? LocalDate.ofEpochDay(in.signed()) : null;
        Long dailyCapacity = (flags & HAS_DAILY_CAPACITY) != 0 ? in.signed() : null;
        return new Candidate(
                location,
                rank,
                preferred,
                cost,
                transitDays,
                distance,
                capacityLeft,
                shipDay,
                (flags & AFTER_CUTOFF) != 0,
                dailyCapacity);
    }

    private static Evaluation readJavaSerialized(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (Evaluation) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Strings: 0 is null, 1 a new string (length, UTF-8), n ≥ 2 the (n−2)th string written before. */
    private static final class Writer {
        final Bytes data;
        private final Map<String, Integer> written = new HashMap<>();

        Writer(Bytes data) {
            this.data = data;
        }

        void string(String s) {
            if (s == null) {
                varint(0);
                return;
            }
            Integer index = written.get(s);
            if (index != null) {
                varint(index + 2);
                return;
            }
            written.put(s, written.size());
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            varint(1);
            varint(utf8.length);
            data.write(utf8);
        }

        void decimal(BigDecimal d) {
            signed(d.scale());
            byte[] unscaled = d.unscaledValue().toByteArray();
            varint(unscaled.length);
            data.write(unscaled);
        }

        /** Zig-zag, so small negative numbers stay short. */
        void signed(long v) {
            unsigned((v << 1) ^ (v >> 63));
        }

        void varint(int v) {
            if (v < 0) throw new IllegalArgumentException("negative count " + v);
            unsigned(v);
        }

        private void unsigned(long v) {
            while ((v & ~0x7FL) != 0) {
                data.writeByte((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            data.writeByte((int) v);
        }
    }

    private static final class Reader {
        final Cursor data;
        private final List<String> read = new ArrayList<>();

        Reader(Cursor data) {
            this.data = data;
        }

        String string() throws IOException {
            int tag = varint();
            if (tag == 0) return null;
            if (tag >= 2) return read.get(tag - 2);
            String s = data.readUtf8(varint());
            read.add(s);
            return s;
        }

        BigDecimal decimal() throws IOException {
            int scale = (int) signed();
            byte[] unscaled = data.readBytes(varint());
            return new BigDecimal(new BigInteger(unscaled), scale);
        }

        long signed() throws IOException {
            long v = unsigned();
            return (v >>> 1) ^ -(v & 1);
        }

        int varint() throws IOException {
            return Math.toIntExact(unsigned());
        }

        private long unsigned() throws IOException {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = data.readUnsignedByte();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) return v;
            }
            throw new IOException("malformed variable-length integer");
        }
    }

    /**
     * A growing byte buffer written big-endian as {@link java.io.DataOutputStream} writes, without its per-byte locks
     * (its and {@code ByteArrayOutputStream}'s writes are synchronized).
     */
    private static final class Bytes {
        private byte[] buf;
        private int size;

        Bytes(int capacity) {
            buf = new byte[capacity];
        }

        void writeByte(int b) {
            ensure(1);
            buf[size++] = (byte) b;
        }

        void write(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, size, bytes.length);
            size += bytes.length;
        }

        void writeDouble(double d) {
            long v = Double.doubleToLongBits(d);
            for (int shift = 56; shift >= 0; shift -= 8) writeByte((int) (v >>> shift));
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }

        private void ensure(int more) {
            if (size + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    /** Reads what {@link Bytes} wrote, as {@link java.io.DataInputStream} reads it, from an array without locks. */
    private static final class Cursor {
        private final byte[] buf;
        private int pos;

        Cursor(byte[] buf) {
            this.buf = buf;
        }

        byte readByte() throws IOException {
            need(1);
            return buf[pos++];
        }

        int readUnsignedByte() throws IOException {
            return readByte() & 0xFF;
        }

        double readDouble() throws IOException {
            need(8);
            long v = 0;
            for (int i = 0; i < 8; i++) v = (v << 8) | (buf[pos++] & 0xFF);
            return Double.longBitsToDouble(v);
        }

        byte[] readBytes(int length) throws IOException {
            need(length);
            byte[] bytes = Arrays.copyOfRange(buf, pos, pos + length);
            pos += length;
            return bytes;
        }

        String readUtf8(int length) throws IOException {
            need(length);
            String s = new String(buf, pos, length, StandardCharsets.UTF_8);
            pos += length;
            return s;
        }

        private void need(int length) throws IOException {
            if (length < 0 || length > buf.length - pos) throw new EOFException("evaluation bytes end early");
        }
    }
}
