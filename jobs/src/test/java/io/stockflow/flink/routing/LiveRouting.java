package io.stockflow.flink.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.testing.Fixtures;
import io.stockflow.testing.KafkaPipeline;
import io.stockflow.testing.ShopifyOrders;
import io.stockflow.testing.TestTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.awaitility.Awaitility;

/**
 * The inventory job live on the test's own topics, and what the routing tests ask of it: publish a rule set and wait
 * until it decides, send orders and read their decisions. {@code routing.capacity} is left for the job to create
 * (compacted), as it does on a fresh broker.
 */
final class LiveRouting {
    static final Duration WAIT = TestTopics.WAIT;

    final TestTopics topics;

    private LiveRouting(TestTopics topics) {
        this.topics = topics;
    }

    /** Every topic named for the test, one partition each, and the inventory job started on them. */
    static LiveRouting start(KafkaPipeline pipeline) throws Exception {
        TestTopics topics = pipeline.topics(Topics.ALL)
                .create(
                        1,
                        Topics.ALL.stream()
                                .filter(t -> !t.equals(Topics.ROUTING_CAPACITY))
                                .toList());
        pipeline.start(topics, "inventory", new JobOptions());
        return new LiveRouting(topics);
    }

    /**
     * Publishes a rule set, then sends probe orders (a SKU without stock: nothing reserved, nothing shipped) until one
     * is decided under it.
     */
    void publishAndAwaitVersion(String ruleSet, String version, LongSupplier probeOrderIds) {
        topics.produce(Topics.ROUTING_RULES, List.of(ruleSet));
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode probe = decide(ShopifyOrders.placed(
                    probeOrderIds.getAsLong(), "2026-11-26T13:59:00Z", "NY", "10001", "PROBE", 1, "10.00"));
            return version.equals(probe.get("rule_set_version").asText());
        });
    }

    /** Sends one order and returns its decision. */
    JsonNode decide(String order) {
        topics.produce(Topics.ORDERS_RAW, List.of(order));
        return decisions(List.of(order)).get(0);
    }

    /** The decisions of the orders (already sent), in their order, once all are published. */
    List<JsonNode> decisions(List<String> orders) {
        List<String> ids = orders.stream()
                .map(o -> "shopify:" + Fixtures.json(o).at("/payload/id").asText())
                .toList();
        List<String> all = topics.readCommitted(
                Topics.ALLOCATIONS, r -> Fixtures.keyed(r, "order_id").keySet().containsAll(ids), WAIT);
        Map<String, JsonNode> byOrder = Fixtures.keyed(all, "order_id");
        assertThat(byOrder).containsKeys(ids.toArray(String[]::new));
        return ids.stream().map(byOrder::get).toList();
    }
}
