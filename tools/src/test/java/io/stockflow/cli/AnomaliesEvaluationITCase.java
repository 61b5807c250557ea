package io.stockflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.anomaly.AnomalyAlerts;
import io.stockflow.anomaly.Evaluation;
import io.stockflow.flink.io.InputEventTimes;
import io.stockflow.flink.io.Topics;
import io.stockflow.generate.Scenarios;
import io.stockflow.testing.ContractSchemas;
import io.stockflow.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quality floor, measured: {@code evaluate} over small seeded scenarios (three days at 120 orders an hour, every
 * anomaly type injected after the first day; two seeds) must keep precision and recall at 0.95 or better for every
 * type, with the median detection delay within one window (an hour); over a control scenario of the same size with no
 * anomaly, each count-based type and the stock-out forecast raise at most one alert. Its alerts conform to the published schema, and the
 * anomalies job run alone over the inventory job's outputs gives exactly the same alerts.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class AnomaliesEvaluationITCase {
    /** The types whose false alarms the alert budget bounds. */
    private static final List<String> COUNTED = List.of("DEMAND_SPIKE", "DEMAND_DROP", "REFUND_SPIKE", "FEED_SILENT");

    @Test
    void anotherSeedKeepsTheFloor(@TempDir Path work, @TempDir Path state) throws Exception {
        assertThat(evaluate(work, state, "11")).isZero();
        assertFloor(work);
    }

    @Test
    void aControlScenarioRaisesAlmostNoCountAlert(@TempDir Path work, @TempDir Path state) throws Exception {
        assertThat(evaluate(work, state, "3", "--control")).isZero();
        Map<String, Evaluation.Score> scores = Evaluation.score(
                Scenarios.labels(work.resolve("scenario")),
                Scenarios.alerts(work.resolve("output").resolve(Topics.ALERTS)),
                3_600_000L);
        assertThat(scores.values()).allSatisfy(s -> assertThat(s.labels).isZero());
        assertThat(java.util.stream.Stream.concat(COUNTED.stream(), java.util.stream.Stream.of("STOCKOUT_PREDICTED")))
                .allSatisfy(type -> assertThat(scores.get(type).alerts)
                        .as(type + " false alarms in three days")
                        .isLessThanOrEqualTo(1));
    }

    private static int evaluate(Path work, Path state, String seed, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "evaluate",
                "--seed",
                seed,
                "--days",
                "3",
                "--orders-per-hour",
                "120",
                "--work",
                work.toString(),
                "--state-dir",
                state.toString()));
        args.addAll(List.of(more));
        return Stockflow.execute(args.toArray(new String[0]));
    }

    private static void assertFloor(Path work) throws Exception {
        Map<String, Evaluation.Score> scores = Evaluation.score(
                Scenarios.labels(work.resolve("scenario")),
                Scenarios.alerts(work.resolve("output").resolve(Topics.ALERTS)),
                3_600_000L);
        assertThat(scores.keySet()).containsExactlyElementsOf(AnomalyAlerts.TYPES);
        assertThat(scores.values()).allSatisfy(s -> {
            assertThat(s.labels).as(s.type + " injected").isGreaterThanOrEqualTo(4);
            assertThat(s.precision()).as(s.type + " precision").isGreaterThanOrEqualTo(0.95);
            assertThat(s.recall()).as(s.type + " recall").isGreaterThanOrEqualTo(0.95);
            // Refunds trail the orders they refund by days, and a refund wave is judged over windows of an hour and
            // more: its alert may come later than the others'.
            long mostDelay = s.type.equals("REFUND_SPIKE") ? 5_400_000L : 3_600_000L;
            assertThat(s.medianDelay()).as(s.type + " median delay").isBetween(0L, mostDelay);
        });
    }

    @Test
    void everyTypeKeepsItsQualityFloorAndTheAlertsAreDeterministic(
            @TempDir Path work, @TempDir Path state, @TempDir Path alone) throws Exception {
        int exit = evaluate(work, state, "3");
        assertThat(exit).isZero();

        Path scenario = work.resolve("scenario");
        Path alertsDir = work.resolve("output").resolve(Topics.ALERTS);
        assertFloor(work);

        List<String> anomalyAlerts = anomalyAlerts(alertsDir);
        assertThat(anomalyAlerts)
                .allSatisfy(a ->
                        assertThat(ContractSchemas.violations(Topics.ALERTS, a)).isEmpty());
        assertThat(anomalyAlerts)
                .allSatisfy(a -> assertThat(Fixtures.json(a).get("evidence").has("score"))
                        .isTrue());

        // The anomalies job alone, over what the inventory job published in the same run, with the same horizon.
        Path input = alone.resolve("input");
        Files.createDirectories(input);
        concat(
                work.resolve("output").resolve(Topics.ORDERS_CANONICAL),
                input.resolve(Topics.ORDERS_CANONICAL + ".jsonl"));
        concat(work.resolve("output").resolve(Topics.AVAILABILITY), input.resolve(Topics.AVAILABILITY + ".jsonl"));
        Files.copy(scenario.resolve(Topics.MOVEMENTS + ".jsonl"), input.resolve(Topics.MOVEMENTS + ".jsonl"));
        String until =
                Instant.ofEpochMilli(InputEventTimes.max(scenario).getAsLong()).toString();
        exit = Stockflow.execute(
                "run",
                "anomalies",
                "--input",
                input.toString(),
                "--output",
                alone.resolve("output").toString(),
                "--until",
                until,
                "--state-dir",
                state.toString());
        assertThat(exit).isZero();
        assertThat(new TreeSet<>(anomalyAlerts(alone.resolve("output").resolve(Topics.ALERTS))))
                .isEqualTo(new TreeSet<>(anomalyAlerts));
    }

    private static List<String> anomalyAlerts(Path alertsDir) throws Exception {
        return Scenarios.alertLines(alertsDir).stream()
                .filter(a -> AnomalyAlerts.TYPES.contains(
                        Fixtures.json(a).get("type").asText()))
                .collect(Collectors.toList());
    }

    private static void concat(Path topicDir, Path file) throws Exception {
        Files.write(file, Fixtures.outputLines(topicDir), StandardCharsets.UTF_8);
    }
}
