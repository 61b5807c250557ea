package io.stockflow.flink.io;

import io.stockflow.codec.OrderEventJson;
import io.stockflow.ingest.FulfilmentParser;
import io.stockflow.ingest.IngestLimits;
import io.stockflow.ingest.MovementParser;
import io.stockflow.ingest.OrderEnvelopeParser;
import io.stockflow.json.InvalidRecordException;
import io.stockflow.lifecycle.AllocationNoticeParser;
import io.stockflow.tracking.TrackingEnvelopeParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Finds the largest event time in a folder of bounded input files, the default horizon of a replay. Each input topic
 * reads its event time with the same parser the jobs use; records that do not parse are skipped (they go to the dead
 * letters in the run itself).
 */
public final class InputEventTimes {
    /** Reads the event time of one record of a topic. */
    @FunctionalInterface
    public interface Reader {
        long eventTime(byte[] record) throws InvalidRecordException;
    }

    private static final Map<String, Reader> READERS = new LinkedHashMap<>();

    static {
        IngestLimits limits = IngestLimits.DEFAULTS;
        OrderEnvelopeParser orders = new OrderEnvelopeParser(limits);
        MovementParser movements = new MovementParser(limits);
        FulfilmentParser fulfilments = new FulfilmentParser(limits);
        register(Topics.ORDERS_RAW, r -> orders.parse(r).eventTime);
        register(Topics.MOVEMENTS, r -> movements.parse(r).occurredAt);
        register(Topics.FULFILMENT, r -> fulfilments.parse(r).occurredAt);
        register(Topics.ORDERS_CANONICAL, r -> OrderEventJson.read(r).eventTime);
        TrackingEnvelopeParser tracking = new TrackingEnvelopeParser();
        AllocationNoticeParser allocations = new AllocationNoticeParser();
        register(Topics.CARRIER_TRACKING, r -> tracking.parse(r).occurredAt);
        register(Topics.ALLOCATIONS, r -> allocations.parse(r).eventTime);
        io.stockflow.anomaly.AvailabilityParser availability = new io.stockflow.anomaly.AvailabilityParser();
        register(Topics.AVAILABILITY, r -> availability.parse(r).asOf);
    }

    private InputEventTimes() {}

    /** Lets a job teach the scan the event time of a topic it reads. */
    public static synchronized void register(String topic, Reader reader) {
        READERS.put(topic, reader);
    }

    public static synchronized OptionalLong max(Path inputDir) throws IOException {
        long[] range = range(inputDir);
        return range == null ? OptionalLong.empty() : OptionalLong.of(range[1]);
    }

    /** The smallest and the largest event time of the folder's records, or null when none has one. */
    public static synchronized long[] range(Path inputDir) throws IOException {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Map.Entry<String, Reader> e : READERS.entrySet()) {
            Path file = inputDir.resolve(e.getKey() + ".jsonl");
            if (!Files.isRegularFile(file)) continue;
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isBlank()) continue;
                    try {
                        long t = e.getValue().eventTime(line.getBytes(StandardCharsets.UTF_8));
                        min = Math.min(min, t);
                        max = Math.max(max, t);
                    } catch (InvalidRecordException | RuntimeException unusable) {
                        // dead-lettered by the run itself
                    }
                }
            }
        }
        return max == Long.MIN_VALUE ? null : new long[] {min, max};
    }
}
