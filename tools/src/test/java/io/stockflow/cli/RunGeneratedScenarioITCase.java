package io.stockflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.flink.io.Topics;
import io.stockflow.generate.GeneratedRecord;
import io.stockflow.generate.GeneratorSettings;
import io.stockflow.generate.TrafficGenerator;
import io.stockflow.ingest.FulfilmentParser;
import io.stockflow.ingest.IngestLimits;
import io.stockflow.ingest.MovementParser;
import io.stockflow.model.FulfilmentEvent;
import io.stockflow.model.FulfilmentType;
import io.stockflow.model.Movement;
import io.stockflow.model.MovementType;
import io.stockflow.model.OrderLine;
import io.stockflow.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded run over six hours of generated traffic from all four marketplaces (duplicates, bad records, cancels,
 * shipments): on-hand at every location equals what the movements and shipments in the input add up to, computed here
 * independently of the job; every bad record is dead-lettered; every retried delivery is dropped.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RunGeneratedScenarioITCase {
    @Test
    void onHandEqualsTheInputsArithmeticAndEveryBadRecordIsDeadLettered(
            @TempDir Path in, @TempDir Path out, @TempDir Path state) throws Exception {
        GeneratorSettings settings = new GeneratorSettings();
        settings.seed = 7;
        settings.duration = Duration.ofHours(6);
        settings.ordersPerHour = 300;
        // Refund restocks depend on what each order shipped; this test pins the movement and shipment arithmetic.
        settings.refundRate = 0;
        List<GeneratedRecord> records = new ArrayList<>();
        new TrafficGenerator(settings).records().forEachRemaining(records::add);
        write(in, records);

        int exit = Stockflow.execute(
                "run",
                "inventory",
                "--input",
                in.toString(),
                "--output",
                out.toString(),
                "--state-dir",
                state.toString());

        assertThat(exit).isZero();
        Map<String, JsonNode> finalState =
                Fixtures.finalAvailability(Fixtures.outputLines(out.resolve(Topics.AVAILABILITY)));
        Map<String, Long> onHand = new TreeMap<>();
        finalState.forEach((key, r) -> {
            if (!key.endsWith("|*")) onHand.put(key, r.get("on_hand").asLong());
        });
        assertThat(onHand).hasSizeGreaterThan(100).isEqualTo(expectedOnHand(records));
        assertThat(finalState.values()).allSatisfy(r -> {
            assertThat(r.get("reserved").asLong()).isNotNegative();
            assertThat(r.get("available").asLong())
                    .isEqualTo(Math.max(
                            0,
                            r.get("on_hand").asLong()
                                    - r.get("reserved").asLong()
                                    - r.get("safety_stock").asLong()));
        });

        long bad = records.stream().filter(GeneratedRecord::isBad).count();
        assertThat(bad).as("the scenario has bad records").isPositive();
        assertThat(Fixtures.outputLines(out.resolve(Topics.DEADLETTER))).hasSize((int) bad);
        long distinctOrderEvents = records.stream()
                .filter(r -> r.topic.equals(Topics.ORDERS_RAW) && !r.isBad() && !r.isDuplicate())
                .count();
        assertThat(Fixtures.outputLines(out.resolve(Topics.ORDERS_CANONICAL)))
                .hasSize((int) distinctOrderEvents)
                .hasSizeLessThan((int) records.stream()
                        .filter(r -> r.topic.equals(Topics.ORDERS_RAW))
                        .count());
    }

    /** On-hand per {@code sku|location}: movements in event-time order (COUNT sets it), less warehouse shipments. */
    private static Map<String, Long> expectedOnHand(List<GeneratedRecord> records) throws Exception {
        MovementParser movements = new MovementParser(IngestLimits.DEFAULTS);
        FulfilmentParser fulfilments = new FulfilmentParser(IngestLimits.DEFAULTS);
        List<Object[]> changes = new ArrayList<>(); // {time, order key, sku|location, type or null, quantity}
        Set<String> seen = new LinkedHashSet<>();
        for (GeneratedRecord r : records) {
            if (r.isBad()) continue;
            byte[] bytes = r.value.getBytes(StandardCharsets.UTF_8);
            if (r.topic.equals(Topics.MOVEMENTS)) {
                Movement m = movements.parse(bytes);
                if (seen.add(m.movementId)) {
                    changes.add(new Object[] {
                        m.occurredAt, "0|" + m.movementId, m.sku + "|" + m.location, m.type, m.quantity
                    });
                }
            } else if (r.topic.equals(Topics.FULFILMENT)) {
                FulfilmentEvent f = fulfilments.parse(bytes);
                if (f.type != FulfilmentType.SHIPPED || !seen.add(f.eventId)) continue;
                for (OrderLine l : f.lines) {
                    changes.add(
                            new Object[] {f.occurredAt, "1|" + f.eventId, l.sku + "|" + f.location, null, -l.quantity});
                }
            }
        }
        changes.sort(Comparator.<Object[]>comparingLong(c -> (long) c[0]).thenComparing(c -> (String) c[1]));
        Map<String, Long> onHand = new HashMap<>();
        for (Object[] c : changes) {
            String key = (String) c[2];
            MovementType type = (MovementType) c[3];
            long q = (long) c[4];
            long now = onHand.getOrDefault(key, 0L);
            if (type == null) {
                onHand.put(key, now + q);
            } else {
                switch (type.sign) {
                    case ABSOLUTE -> onHand.put(key, q);
                    case NEGATIVE -> onHand.put(key, now - q);
                    default -> onHand.put(key, now + q);
                }
            }
        }
        return new TreeMap<>(onHand);
    }

    private static void write(Path dir, List<GeneratedRecord> records) throws Exception {
        Map<String, List<String>> byTopic = new HashMap<>();
        for (GeneratedRecord r : records)
            byTopic.computeIfAbsent(r.topic, t -> new ArrayList<>()).add(r.value);
        for (Map.Entry<String, List<String>> e : byTopic.entrySet()) {
            Files.write(dir.resolve(e.getKey() + ".jsonl"), e.getValue(), StandardCharsets.UTF_8);
        }
    }
}
