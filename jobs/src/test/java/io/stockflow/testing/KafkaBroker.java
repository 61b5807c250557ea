package io.stockflow.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real single-node KRaft Kafka broker (broker and controller in one node) on 127.0.0.1, in the test JVM: for one test
 * class when registered on a static field, for each test when registered on an instance field. Helpers produce JSON
 * lines and read topics as a {@code read_committed} consumer sees them.
 */
public final class KafkaBroker implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final SecuredListener secured;
    private KafkaClusterTestKit cluster;
    private boolean startedForOneTest;

    /** A broker with its plaintext listener only. */
    public KafkaBroker() {
        this(null);
    }

    private KafkaBroker(SecuredListener secured) {
        this.secured = secured;
    }

    /**
     * A broker that also listens with SASL_SSL ({@link SecuredListener}) on a port of its own, for the user with the
     * password; the plaintext listener stays for the helpers below.
     */
    public static KafkaBroker withSaslSsl(Path certificates, String user, String password) {
        return new KafkaBroker(new SecuredListener(certificates, user, password));
    }

    /** The SASL_SSL listener's address ({@code 127.0.0.1:PORT}). */
    public String securedBootstrap() {
        if (secured == null) throw new IllegalStateException("this broker has no SASL_SSL listener");
        return "127.0.0.1:" + secured.port;
    }

    /** What a client of the SASL_SSL listener sets, as a properties file would hold it; {@code password} as given. */
    public Properties securedClientProperties(String user, String password) {
        if (secured == null) throw new IllegalStateException("this broker has no SASL_SSL listener");
        return secured.clientProperties(user, password);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (cluster != null) return;
        start();
        startedForOneTest = true;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (!startedForOneTest) return;
        if (cluster != null) cluster.close();
        cluster = null;
        startedForOneTest = false;
    }

    private void start() throws Exception {
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build());
        if (secured != null) secured.configure(builder);
        cluster = builder.setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("transaction.max.timeout.ms", "900000")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (cluster != null) cluster.close();
    }

    /** Stops the broker now, for a test of what its clients do when it is gone; the test's helpers need it up. */
    public void stop() throws Exception {
        if (cluster != null) cluster.close();
        cluster = null;
    }

    public String bootstrap() {
        return cluster.bootstrapServers();
    }

    public void createTopics(int partitions, Collection<String> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
            List<NewTopic> newTopics = new ArrayList<>();
            for (String t : topics) newTopics.add(new NewTopic(t, partitions, (short) 1));
            admin.createTopics(newTopics).all().get();
        }
    }

    /** Sends the lines to the topic, keyless, and waits until the broker has them all. */
    public void produce(String topic, List<String> lines) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap());
        p.put("acks", "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (String line : lines) producer.send(new ProducerRecord<>(topic, line));
            producer.flush();
        }
    }

    /** Sends the lines to one partition of the topic, keyless, in order, and waits until the broker has them all. */
    public void produce(String topic, int partition, List<String> lines) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap());
        p.put("acks", "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (String line : lines) producer.send(new ProducerRecord<>(topic, partition, null, line));
            producer.flush();
        }
    }

    /**
     * Reads the topic from the beginning as a {@code read_committed} consumer until {@code done} holds for the values
     * read so far, or the timeout passes; returns the values read either way, in partition order.
     */
    public List<String> readCommitted(String topic, Predicate<List<String>> done, Duration timeout) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap());
        p.put("group.id", "test-" + UUID.randomUUID());
        p.put("isolation.level", "read_committed");
        p.put("auto.offset.reset", "earliest");
        p.put("enable.auto.commit", "false");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(values) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) values.add(r.value());
            }
        }
        return values;
    }
}
