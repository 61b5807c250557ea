package io.stockflow.flink.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.flink.graph.JobGraph;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.graph.Jobs;
import io.stockflow.flink.io.KafkaBinding;
import io.stockflow.flink.io.KafkaSettings;
import io.stockflow.flink.io.Topics;
import io.stockflow.testing.Fixtures;
import io.stockflow.testing.KafkaBroker;
import io.stockflow.testing.ShopifyOrders;
import io.stockflow.testing.TestFlink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.awaitility.Awaitility;

/**
 * The inventory job on the test broker, on topics of its own, and what the routing tests ask of it: publish a rule
 * set and wait until it decides, send orders and read their decisions. {@code routing.capacity} is left for the job to
 * create (compacted), as it does on a fresh broker.
 */
final class InventoryOnKafka {
    static final Duration WAIT = Duration.ofSeconds(90);

    private final KafkaBroker kafka;
    final KafkaSettings settings;

    private InventoryOnKafka(KafkaBroker kafka, KafkaSettings settings) {
        this.kafka = kafka;
        this.settings = settings;
    }

    /** Topics named {@code <prefix>.<topic>}, one partition each. */
    static InventoryOnKafka withTopics(KafkaBroker kafka, String prefix) throws Exception {
        KafkaSettings settings = new KafkaSettings(kafka.bootstrap());
        List<String> created = new ArrayList<>();
        for (String t : Topics.ALL) {
            settings.topicNames.put(t, prefix + "." + t);
            if (!t.equals(Topics.ROUTING_CAPACITY)) created.add(prefix + "." + t);
        }
        kafka.createTopics(1, created);
        return new InventoryOnKafka(kafka, settings);
    }

    String topic(String logical) {
        return settings.topicName(logical);
    }

    JobClient start(String name) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(TestFlink.jobConfiguration(0));
        env.setParallelism(2);
        JobGraph.wire(env, Jobs.resolve("inventory"), new KafkaBinding(settings, name), new JobOptions());
        return env.executeAsync("inventory " + name);
    }

    void awaitRecords(String logicalTopic, int count) {
        assertThat(kafka.readCommitted(topic(logicalTopic), r -> r.size() >= count, WAIT))
                .hasSizeGreaterThanOrEqualTo(count);
    }

    /**
     * Publishes a rule set, then sends probe orders (a SKU without stock: nothing reserved, nothing shipped) until one
     * is decided under it.
     */
    void publishAndAwaitVersion(String ruleSet, String version, LongSupplier probeOrderIds) {
        kafka.produce(topic(Topics.ROUTING_RULES), List.of(ruleSet));
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode probe = decide(ShopifyOrders.placed(probeOrderIds.getAsLong(), "2026-11-26T13:59:00Z", "NY",
                    "10001", "PROBE", 1, "10.00"));
            return version.equals(probe.get("rule_set_version").asText());
        });
    }

    /** Sends one order and returns its decision. */
    JsonNode decide(String order) {
        kafka.produce(topic(Topics.ORDERS_RAW), List.of(order));
        return decisions(List.of(order)).get(0);
    }

    /** The decisions of the orders (already sent), in their order, once all are published. */
    List<JsonNode> decisions(List<String> orders) {
        List<String> ids = orders.stream().map(o -> "shopify:" + Fixtures.json(o).at("/payload/id").asText()).toList();
        List<String> all = kafka.readCommitted(topic(Topics.ALLOCATIONS),
                r -> Fixtures.keyed(r, "order_id").keySet().containsAll(ids), WAIT);
        Map<String, JsonNode> byOrder = Fixtures.keyed(all, "order_id");
        assertThat(byOrder).containsKeys(ids.toArray(String[]::new));
        return ids.stream().map(byOrder::get).toList();
    }
}
