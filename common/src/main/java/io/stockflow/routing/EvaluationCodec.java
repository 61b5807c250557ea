package io.stockflow.routing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream data = new DataOutputStream(bytes)) {
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
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    public static Evaluation read(byte[] bytes) {
        if (bytes.length >= 2 && bytes[0] == JAVA_MAGIC_0 && bytes[1] == JAVA_MAGIC_1) return readJavaSerialized(bytes);
        try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes))) {
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

    private static void candidate(Writer out, Candidate c) throws IOException {
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
        final DataOutputStream data;
        private final Map<String, Integer> written = new HashMap<>();

        Writer(DataOutputStream data) {
            this.data = data;
        }

        void string(String s) throws IOException {
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

        void decimal(BigDecimal d) throws IOException {
            signed(d.scale());
            byte[] unscaled = d.unscaledValue().toByteArray();
            varint(unscaled.length);
            data.write(unscaled);
        }

        /** Zig-zag, so small negative numbers stay short. */
        void signed(long v) throws IOException {
            unsigned((v << 1) ^ (v >> 63));
        }

        void varint(int v) throws IOException {
            if (v < 0) throw new IllegalArgumentException("negative count " + v);
            unsigned(v);
        }

        private void unsigned(long v) throws IOException {
            while ((v & ~0x7FL) != 0) {
                data.writeByte((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            data.writeByte((int) v);
        }
    }

    private static final class Reader {
        final DataInputStream data;
        private final List<String> read = new ArrayList<>();

        Reader(DataInputStream data) {
            this.data = data;
        }

        String string() throws IOException {
            int tag = varint();
            if (tag == 0) return null;
            if (tag >= 2) return read.get(tag - 2);
            byte[] utf8 = new byte[varint()];
            data.readFully(utf8);
            String s = new String(utf8, StandardCharsets.UTF_8);
            read.add(s);
            return s;
        }

        BigDecimal decimal() throws IOException {
            int scale = (int) signed();
            byte[] unscaled = new byte[varint()];
            data.readFully(unscaled);
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
}
