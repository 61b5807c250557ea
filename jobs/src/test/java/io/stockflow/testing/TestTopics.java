package io.stockflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.flink.io.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * The topics of one test on a test broker: each logical topic named {@code <prefix>.<topic>}, the {@link KafkaSettings}
 * that name them for a job, and the test's side of them (send lines, read what a {@code read_committed} consumer sees),
 * all by logical name. A prefix of its own keeps a test clear of the records, consumer groups and transactions of the
 * tests before it on the same broker.
 */
public final class TestTopics {
    /** How long {@link #awaitRecords} waits: a job's first output can take a MiniCluster start and a checkpoint. */
    public static final Duration WAIT = Duration.ofSeconds(90);

    private final KafkaBroker broker;
    private final String prefix;
    private final KafkaSettings settings;

    private TestTopics(KafkaBroker broker, String prefix, Collection<String> logical) {
        this.broker = broker;
        this.prefix = prefix;
        this.settings = new KafkaSettings(broker.bootstrap());
        for (String topic : logical) settings.topicNames.put(topic, prefix + "." + topic);
    }

    /** Names the logical topics {@code <prefix>.<topic>} on the broker; creates none of them. */
    public static TestTopics named(KafkaBroker broker, String prefix, Collection<String> logical) {
        return new TestTopics(broker, prefix, logical);
    }

    /** Creates every named topic, each with {@code partitions} partitions. */
    public TestTopics createAll(int partitions) throws Exception {
        return create(partitions, settings.topicNames.keySet());
    }

    /** Creates some of the named topics; the others are left for the job to create, or to stay missing. */
    public TestTopics create(int partitions, Collection<String> logical) throws Exception {
        List<String> names = new ArrayList<>();
        for (String topic : logical) {
            if (!settings.topicNames.containsKey(topic)) throw new IllegalArgumentException("not named: " + topic);
            names.add(name(topic));
        }
        broker.createTopics(partitions, names);
        return this;
    }

    public String prefix() {
        return prefix;
    }

    /** The settings a job reads and writes these topics with; a test may add to them before the job starts. */
    public KafkaSettings settings() {
        return settings;
    }

    /** The actual name of a logical topic. */
    public String name(String logical) {
        return settings.topicName(logical);
    }

    /** Sends the lines to the topic, keyless, and waits until the broker has them all. */
    public void produce(String logical, List<String> lines) {
        broker.produce(name(logical), lines);
    }

    /** Sends the lines to one partition of the topic, in order, and waits until the broker has them all. */
    public void produce(String logical, int partition, List<String> lines) {
        broker.produce(name(logical), partition, lines);
    }

    /** See {@link KafkaBroker#readCommitted}. */
    public List<String> readCommitted(String logical, Predicate<List<String>> done, Duration timeout) {
        return broker.readCommitted(name(logical), done, timeout);
    }

    /** Waits until a {@code read_committed} consumer reads at least {@code count} records on the topic. */
    public List<String> awaitRecords(String logical, int count) {
        List<String> read = readCommitted(logical, r -> r.size() >= count, WAIT);
        assertThat(read).as("records on " + name(logical)).hasSizeGreaterThanOrEqualTo(count);
        return read;
    }
}
