package io.stockflow.flink.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.testing.KafkaBroker;
import io.stockflow.testing.TestTopics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Kafka binding creates the input topics the jobs own, with their configuration, and only when missing. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OwnedTopicsITCase {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @Test
    void createsMissingOwnedInputsCompactingCapacityAndLeavesTheRestAlone() throws Exception {
        KafkaSettings settings = TestTopics.named(
                        KAFKA, "run1", List.of(Topics.ROUTING_CAPACITY, Topics.ROUTING_RULES, Topics.ORDERS_RAW))
                .create(1, List.of(Topics.ROUTING_RULES))
                .settings();

        List<String> created =
                OwnedTopics.ensure(settings, List.of(Topics.ORDERS_RAW, Topics.ROUTING_RULES, Topics.ROUTING_CAPACITY));

        assertThat(created).containsExactly("run1.routing.capacity");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrap()))) {
            assertThat(admin.listTopics().names().get())
                    .contains("run1.routing.capacity", "run1.routing.rules")
                    .doesNotContain("run1.orders.raw");
            assertThat(cleanupPolicy(admin, "run1.routing.capacity")).isEqualTo("compact");
            assertThat(cleanupPolicy(admin, "run1.routing.rules")).isEqualTo("delete");
        }
        assertThat(OwnedTopics.ensure(settings, List.of(Topics.ROUTING_CAPACITY)))
                .as("already there")
                .isEmpty();
    }

    private static String cleanupPolicy(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        return config.get("cleanup.policy").value();
    }
}
