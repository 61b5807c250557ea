package io.stockflow.flink.inventory;

import static io.stockflow.flink.inventory.ReplayAgainstLive.awaitLive;
import static io.stockflow.flink.inventory.ReplayAgainstLive.awaitOpeningStock;
import static io.stockflow.flink.inventory.ReplayAgainstLive.byKey;
import static io.stockflow.flink.inventory.ReplayAgainstLive.replay;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.RoutingMode;
import io.stockflow.flink.job.StockflowOptions;
import io.stockflow.testing.KafkaPipeline;
import io.stockflow.testing.TestFlink;
import io.stockflow.testing.TestTopics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Live routing in serial mode decides as a bounded replay does, whatever the pace of the orders and the checkpoint
 * interval (docs/design/routing.md, Serial routing): each seed's orders are sent all at once, with no waiting between
 * them, to a job checkpointing every 100 ms and to one checkpointing every 5 s, and every decision, backorder fills
 * included, equals the replay's: status, units, backorders, reason, and the explanation's ranking (with the capacity
 * left) and exclusions (with the days whose capacity was used up).
 *
 * <p>Rule set r1 with a small daily capacity at every location (WH-EAST and WH-WEST 2 shipments, STORE-NYC 1). Each
 * seed has three SKUs of its own, stocked thinly at random (contended), and three days of its own, with seven orders a
 * day of one to three lines; a restock of each SKU at the end fills backorders. Topics have one partition, so the
 * arrival order is the order the records are sent in; the opening stock is read before the orders are sent, the
 * restocks once the orders are decided.
 *
 * <p>The parallel mode, fed the same way, decides differently on these seeds (measured once with both intervals, not
 * asserted here since it depends on timing): of the 24 to 27 decisions of a seed, 19 to 23 differed from the
 * replay's, and 5 to 14 in status or units, not only in the explanation. Orders decided while a multi-line order's
 * correction or a capacity level was still on its way through Kafka routed around holds about to move and onto days
 * already full.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class SerialRoutingKafkaITCase {
    @RegisterExtension
    static final KafkaPipeline PIPELINE = new KafkaPipeline();

    /** Seven orders a day, no receipt before the end, opening stock of up to four units a location. */
    private static final ContendedDays CONTENDED_DAYS = new ContendedDays("S", 5, 7, false);

    private static final Instant FIRST_DAY = Instant.parse("2026-12-01T00:00:00Z");
    private static final long[] SEEDS = {11, 12, 13};
    private static ReplayAgainstLive.RuleSet rules;

    @BeforeAll
    static void rules() throws Exception {
        rules = ReplayAgainstLive.withCapacity();
    }

    @ParameterizedTest(name = "checkpoint every {0} ms")
    @ValueSource(longs = {100, 5000})
    void ordersSentAllAtOnceAreDecidedAsTheReplayDecidesThem(long checkpointMillis) throws Exception {
        TestTopics topics = PIPELINE.topics(Topics.ALL).createAll(1);
        JobOptions options = new JobOptions()
                .set(StockflowOptions.RULES, List.of(rules.file().toString()))
                .set(StockflowOptions.ROUTING_MODE, RoutingMode.SERIAL);
        Configuration conf = TestFlink.jobConfiguration(0);
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(checkpointMillis));
        PIPELINE.start(topics, "inventory", options, conf, UnaryOperator.identity());

        for (long seed : SEEDS) {
            ContendedScenario s = CONTENDED_DAYS.random(seed, FIRST_DAY.plus(4 * (seed - SEEDS[0]), ChronoUnit.DAYS));
            Map<String, String> replayed = byKey(replay(rules.document(), s), ReplayAgainstLive::outcomeAndExplanation);
            assertThat(replayed.values())
                    .as("seed %d: capacity binds (a location left out because its day is full)", seed)
                    .anyMatch(d -> d.contains("used up"));
            assertThat(replayed.values())
                    .as("seed %d: stock is contended (an order backordered)", seed)
                    .anyMatch(d -> d.startsWith("BACKORDERED") || d.startsWith("PARTIAL"));

            topics.produce(Topics.MOVEMENTS, s.stock());
            awaitOpeningStock(topics, s);
            topics.produce(Topics.ORDERS_RAW, s.orders());
            awaitLive(
                    topics,
                    s,
                    ReplayAgainstLive::outcomeAndExplanation,
                    k -> k.keySet().containsAll(s.firstDecisions()));
            topics.produce(Topics.MOVEMENTS, s.movements());
            Map<String, String> live = awaitLive(
                    topics,
                    s,
                    ReplayAgainstLive::outcomeAndExplanation,
                    k -> k.keySet().containsAll(replayed.keySet()));

            assertThat(replayed)
                    .as("seed %d, checkpoint every %d ms: replayed decisions against live ones", seed, checkpointMillis)
                    .isEqualTo(live);
        }
    }
}
