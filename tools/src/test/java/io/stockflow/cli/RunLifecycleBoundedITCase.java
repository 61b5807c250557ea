package io.stockflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.flink.io.Topics;
import io.stockflow.testing.ContractSchemas;
import io.stockflow.testing.Fixtures;
import io.stockflow.testing.LifecycleOutputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stockflow run lifecycle --input DIR --output DIR} end to end over a week of orders (9 to 15 November 2026):
 * one shipped and delivered on time, one shipped late, one never shipped, one whose delivery fails and returns, one
 * cancelled, one backordered, one placed on the last day; bad records of every input. The alerts and notifications
 * equal the expected files (ids, types, subjects, templates), none past the input's last event time, and every record
 * conforms to its published schema.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RunLifecycleBoundedITCase {
    private static final Path FIXTURE = Fixtures.dir("lifecycle");
    private static final Path EXPECTED = FIXTURE.resolve("expected");

    @Test
    void aBoundedRunRaisesTheExpectedAlertsAndNotificationsAndNothingElse(@TempDir Path out, @TempDir Path state)
            throws IOException {
        assertThat(run(out, state)).isZero();

        List<String> alerts = Fixtures.outputLines(out.resolve(Topics.ALERTS));
        List<String> notifications = Fixtures.outputLines(out.resolve(Topics.NOTIFICATIONS));
        List<String> deadLetters = Fixtures.outputLines(out.resolve(Topics.DEADLETTER));
        if (System.getProperty("lifecycle.dump") != null) {
            Files.write(Path.of(System.getProperty("lifecycle.dump"), "alerts.jsonl"), alerts);
            Files.write(Path.of(System.getProperty("lifecycle.dump"), "notifications.jsonl"), notifications);
            Files.write(Path.of(System.getProperty("lifecycle.dump"), "deadletter.jsonl"), deadLetters);
        }

        assertThat(LifecycleOutputs.alerts(alerts))
                .isEqualTo(LifecycleOutputs.alerts(Fixtures.lines(EXPECTED.resolve("alerts.jsonl"))));
        assertThat(LifecycleOutputs.notifications(notifications))
                .isEqualTo(LifecycleOutputs.notifications(Fixtures.lines(EXPECTED.resolve("notifications.jsonl"))));
        assertThat(deadLetters)
                .extracting(l -> Fixtures.json(l).get("source_topic").asText() + ": "
                        + Fixtures.json(l).get("error").asText())
                .containsExactlyInAnyOrderElementsOf(Fixtures.lines(EXPECTED.resolve("deadletter.txt")));
        long horizon = java.time.Instant.parse("2026-11-15T12:00:00Z").toEpochMilli();
        assertThat(alerts)
                .as("no alert about a time after the input's last event")
                .allSatisfy(a -> assertThat(java.time.Instant.parse(
                                        Fixtures.json(a).get("event_time").asText())
                                .toEpochMilli())
                        .isLessThanOrEqualTo(horizon));
    }

    @Test
    void everyOutputRecordConformsToItsPublishedSchema(@TempDir Path out, @TempDir Path state) {
        assertThat(run(out, state)).isZero();

        for (String topic : List.of(Topics.ALERTS, Topics.NOTIFICATIONS, Topics.DEADLETTER)) {
            List<String> records = Fixtures.outputLines(out.resolve(topic));
            assertThat(records).as(topic).isNotEmpty();
            assertThat(records)
                    .as(topic)
                    .allSatisfy(r ->
                            assertThat(ContractSchemas.violations(topic, r)).isEmpty());
        }
    }

    @Test
    void anEarlierUntilJudgesOnlyTheDeadlinesDueByThen(@TempDir Path out, @TempDir Path state) {
        assertThat(Stockflow.execute(
                        "run",
                        "lifecycle",
                        "--input",
                        FIXTURE.resolve("input").toString(),
                        "--output",
                        out.toString(),
                        "--state-dir",
                        state.toString(),
                        "--parallelism",
                        "2",
                        "--sla-policy",
                        FIXTURE.resolve("sla-policy.json").toString(),
                        "--until",
                        "2026-11-10T20:00:00Z"))
                .isZero();

        assertThat(Fixtures.outputLines(out.resolve(Topics.ALERTS)))
                .extracting(a -> {
                    JsonNode j = Fixtures.json(a);
                    return j.get("type").asText() + " "
                            + j.at("/subject/order_id").asText();
                })
                .as("deadlines up to --until; what the carrier reports is news whenever it is in the input")
                .containsExactlyInAnyOrder(
                        "SHIP_SLA_AT_RISK amazon:902-1",
                        "SHIP_SLA_BREACH amazon:902-1",
                        "DELIVERY_EXCEPTION woocommerce:501",
                        "DELIVERY_EXCEPTION woocommerce:501");
    }

    @Test
    void runAllFeedsTheLifecycleFromTheInventoryJobInOneGraph(@TempDir Path in, @TempDir Path out, @TempDir Path state)
            throws IOException {
        Path small = Fixtures.dir("small");
        for (String topic : List.of(Topics.ORDERS_RAW, Topics.MOVEMENTS, Topics.FULFILMENT)) {
            Files.copy(small.resolve(topic + ".jsonl"), in.resolve(topic + ".jsonl"));
        }
        Files.writeString(
                in.resolve(Topics.FULFILMENT + ".jsonl"),
                "{\"event_id\":\"ful-bad\"}\n",
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(
                in.resolve(Topics.CARRIER_TRACKING + ".jsonl"),
                "{\"source\":\"easypost\","
                        + "\"received_at\":\"2026-11-26T16:00:00Z\",\"payload\":{\"description\":\"tracker.updated\","
                        + "\"result\":{\"object\":\"Tracker\",\"tracking_code\":\"1Z999AA10123456784\",\"status\":\"delivered\","
                        + "\"carrier\":\"UPS\",\"updated_at\":\"2026-11-26T15:59:00Z\"}}}\n");

        assertThat(Stockflow.execute(
                        "run",
                        "all",
                        "--input",
                        in.toString(),
                        "--output",
                        out.toString(),
                        "--state-dir",
                        state.toString(),
                        "--parallelism",
                        "2"))
                .isZero();

        List<String> notifications = Fixtures.outputLines(out.resolve(Topics.NOTIFICATIONS));
        assertThat(notifications)
                .filteredOn(n -> Fixtures.json(n).get("order_id").asText().equals("shopify:450789469"))
                .extracting(n -> Fixtures.json(n).get("type").asText())
                .as("from the inventory's canonical orders and allocations, the warehouse and the carrier")
                .containsExactlyInAnyOrder("ORDER_CONFIRMED", "SHIPPED", "DELIVERED");
        assertThat(Fixtures.outputLines(out.resolve(Topics.DEADLETTER)))
                .filteredOn(d -> Fixtures.json(d).get("source_topic").asText().equals(Topics.FULFILMENT))
                .as("a bad record read by both jobs is dead-lettered once")
                .hasSize(1);
        for (String topic : List.of(Topics.ALERTS, Topics.NOTIFICATIONS, Topics.DEADLETTER, Topics.ALLOCATIONS)) {
            assertThat(Fixtures.outputLines(out.resolve(topic)))
                    .as(topic)
                    .allSatisfy(r ->
                            assertThat(ContractSchemas.violations(topic, r)).isEmpty());
        }
    }

    @Test
    void aPolicyThatDoesNotReadStopsTheLaunch(@TempDir Path dir) throws IOException {
        Path policy = Files.writeString(dir.resolve("policy.json"), "{\"version\": \"broken\"}");
        assertThat(Stockflow.execute(
                        "run",
                        "lifecycle",
                        "--input",
                        FIXTURE.resolve("input").toString(),
                        "--output",
                        dir.resolve("out").toString(),
                        "--sla-policy",
                        policy.toString()))
                .isEqualTo(2);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    private static int run(Path out, Path state) {
        return Stockflow.execute(
                "run",
                "lifecycle",
                "--input",
                FIXTURE.resolve("input").toString(),
                "--output",
                out.toString(),
                "--state-dir",
                state.toString(),
                "--parallelism",
                "2",
                "--sla-policy",
                FIXTURE.resolve("sla-policy.json").toString());
    }
}
