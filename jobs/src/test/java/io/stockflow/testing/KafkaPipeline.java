package io.stockflow.testing;

import io.stockflow.flink.graph.JobGraph;
import io.stockflow.flink.graph.Jobs;
import io.stockflow.flink.io.KafkaBinding;
import io.stockflow.flink.io.TopicBinding;
import io.stockflow.flink.job.JobOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test of a job live on Kafka stands on, for one test class: a real Kafka broker ({@link KafkaBroker}) and a
 * Flink MiniCluster ({@link TestFlink#miniClusterConfiguration()}), topics named for each test ({@link #topics}), and
 * jobs wired to them on the MiniCluster ({@link #start}). Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaPipeline PIPELINE = new KafkaPipeline();
 * }</pre>
 *
 * <p>The broker starts before the MiniCluster and stops after it. A job started in a test is cancelled after that test,
 * one started in {@code @BeforeAll} after the class; both before the broker they read from stops.
 */
public final class KafkaPipeline implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final KafkaBroker broker;
    private final boolean brokerPerTest;
    private final Set<String> prefixesTaken = new HashSet<>();
    private final List<JobClient> classJobs = new ArrayList<>();
    private final List<JobClient> testJobs = new ArrayList<>();
    private final Configuration clusterSettings = new Configuration();
    private MiniClusterResource flink;
    private InMemoryReporter metrics;
    private String className;
    private String testName;

    /** One broker for the whole class; each test's topics have a prefix of their own. */
    public KafkaPipeline() {
        this(false);
    }

    private KafkaPipeline(boolean brokerPerTest) {
        this(brokerPerTest, new KafkaBroker());
    }

    private KafkaPipeline(boolean brokerPerTest, KafkaBroker broker) {
        this.brokerPerTest = brokerPerTest;
        this.broker = broker;
    }

    /** One broker of the test's making (e.g. {@link KafkaBroker#withSaslSsl}) for the whole class. */
    public static KafkaPipeline on(KafkaBroker broker) {
        return new KafkaPipeline(false, broker);
    }

    /** The broker under the pipeline. */
    public KafkaBroker broker() {
        return broker;
    }

    /**
     * One broker for the whole class, and the MiniCluster's metrics kept in memory, for tests that wait on what an
     * operator has counted ({@link #metrics}).
     */
    public static KafkaPipeline withMetrics() {
        KafkaPipeline pipeline = new KafkaPipeline(false);
        pipeline.metrics = InMemoryReporter.create();
        return pipeline;
    }

    /** The MiniCluster's metrics; only of a pipeline made {@link #withMetrics}. */
    public InMemoryReporter metrics() {
        if (metrics == null) throw new IllegalStateException("a pipeline made withMetrics() keeps metrics");
        return metrics;
    }

    /** A fresh broker for each test (one MiniCluster still serves the class), for tests that reuse topic names. */
    public static KafkaPipeline withBrokerPerTest() {
        return new KafkaPipeline(true);
    }

    /**
     * One broker for the whole class, and a MiniCluster whose TaskManager has the given settings: those a job cannot
     * set for itself, such as where the state changelog is written.
     */
    public static KafkaPipeline withClusterSettings(Configuration settings) {
        KafkaPipeline pipeline = new KafkaPipeline(false);
        pipeline.clusterSettings.addAll(settings);
        return pipeline;
    }

    /** This pipeline, with a MiniCluster whose TaskManager also has the given settings ({@link #withClusterSettings}). */
    public KafkaPipeline andClusterSettings(Configuration settings) {
        clusterSettings.addAll(settings);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        className = context.getRequiredTestClass().getSimpleName();
        if (!brokerPerTest) broker.beforeAll(context);
        Configuration cluster = new Configuration(clusterSettings);
        if (metrics != null) metrics.addToConfiguration(cluster);
        flink = new MiniClusterResource(TestFlink.miniClusterConfiguration(cluster));
        flink.before();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (flink == null) throw new IllegalStateException("a KafkaPipeline is registered on a static field");
        testName = context.getRequiredTestMethod().getName();
        broker.beforeEach(context);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            cancel(testJobs);
        } finally {
            testName = null;
            broker.afterEach(context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            cancel(classJobs);
        } finally {
            try {
                if (flink != null) flink.after();
            } finally {
                if (metrics != null) metrics.close();
                broker.afterAll(context);
            }
        }
    }

    /**
     * The logical topics named {@code <test>.<topic>}, after the test method (the class in {@code @BeforeAll}), with a
     * number added when the name is taken already (a repeated or parameterised test); none created yet.
     */
    public TestTopics topics(Collection<String> logical) {
        String base = testName != null ? testName : className;
        String prefix = base;
        for (int n = 2; !prefixesTaken.add(prefix); n++) prefix = base + "-" + n;
        return TestTopics.named(broker, prefix, logical);
    }

    /** The logical topics with a given prefix: for topic names that must not change (a savepoint remembers them). */
    public TestTopics topics(String prefix, Collection<String> logical) {
        if (!prefixesTaken.add(prefix) && !brokerPerTest) throw new IllegalArgumentException("prefix taken: " + prefix);
        return TestTopics.named(broker, prefix, logical);
    }

    /** Starts the job (a name {@link Jobs#resolve} knows) on the topics, without restarts after a failure. */
    public JobClient start(TestTopics topics, String job, JobOptions options) throws Exception {
        return start(topics, job, options, TestFlink.jobConfiguration(0), UnaryOperator.identity());
    }

    /**
     * Starts the job on the topics with a configuration of the test's (restarts, a savepoint to restore) and the Kafka
     * binding wrapped as the test needs (to inject a failure); the job's consumer group and transactional ids take
     * the topics' prefix.
     */
    public JobClient start(
            TestTopics topics,
            String job,
            JobOptions options,
            Configuration configuration,
            UnaryOperator<TopicBinding> binding)
            throws Exception {
        StreamExecutionEnvironment env = environment(configuration);
        env.setParallelism(TestFlink.PARALLELISM);
        JobGraph.wire(
                env, Jobs.resolve(job), binding.apply(new KafkaBinding(topics.settings(), topics.prefix())), options);
        JobClient client = env.executeAsync(job + " " + topics.prefix());
        (testName != null ? testJobs : classJobs).add(client);
        return client;
    }

    /** An environment on the MiniCluster, made as Flink's own test extension makes the one a test method gets. */
    private StreamExecutionEnvironment environment(Configuration configuration) {
        TestStreamEnvironment.setAsContext(flink.getMiniCluster(), TestFlink.PARALLELISM);
        try {
            return StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        } finally {
            TestStreamEnvironment.unsetAsContext();
        }
    }

    /** Cancels the jobs still running; one that ended already (stopped with a savepoint, failed) is left as it is. */
    private static void cancel(List<JobClient> jobs) throws Exception {
        try {
            for (JobClient job : jobs) {
                if (ended(job)) continue;
                try {
                    job.cancel().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!ended(job)) throw e;
                }
            }
        } finally {
            jobs.clear();
        }
    }

    private static boolean ended(JobClient job) throws Exception {
        return job.getJobStatus().get(30, TimeUnit.SECONDS).isGloballyTerminalState();
    }
}
