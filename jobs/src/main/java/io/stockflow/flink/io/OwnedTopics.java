package io.stockflow.flink.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the input topics the jobs own ({@link Topics#OWNED_INPUTS}) when they are missing, with the broker's default
 * partitions and replication and the topic's own configuration ({@link Topics#config}). Run where the job graph is
 * built (the launcher, or the JobManager for {@code submit}), before the Kafka sources that would fail on them.
 */
public final class OwnedTopics {
    private static final long TIMEOUT_SECONDS = 30;

    private OwnedTopics() {}

    /** Creates those of {@code logicalTopics} that are owned and missing; returns the actual names it created. */
    public static List<String> ensure(KafkaSettings settings, Collection<String> logicalTopics) throws Exception {
        List<String> owned = new ArrayList<>();
        for (String t : logicalTopics) if (Topics.OWNED_INPUTS.contains(t)) owned.add(t);
        if (owned.isEmpty()) return List.of();
        Properties client = settings.clientProperties();
        client.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap);
        try (Admin admin = Admin.create(client)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String logical : owned) {
                String actual = settings.topicName(logical);
                if (existing.contains(actual)) continue;
                missing.add(new NewTopic(actual, Optional.empty(), Optional.empty()).configs(Topics.config(logical)));
            }
            List<String> created = new ArrayList<>();
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    created.add(topic.name());
                } catch (ExecutionException e) {
                    // Another job or launcher created it in the meantime: that is what we wanted.
                    if (!(e.getCause() instanceof TopicExistsException)) throw e;
                }
            }
            awaitMetadata(admin, created);
            return created;
        }
    }

    /**
     * Waits until the broker describes the new topics: a Kafka source that asks before then gets "unknown topic" and
     * fails the job (seen on a KRaft test broker right after creation).
     */
    private static void awaitMetadata(Admin admin, List<String> topics) throws Exception {
        if (topics.isEmpty()) return;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            try {
                admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline)
                    throw e;
                Thread.sleep(50);
            }
        }
    }
}
