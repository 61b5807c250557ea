package io.stockflow.testing;

import io.stockflow.flink.io.RawRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * One run of a topology on in-memory elements, for tests: bounded inputs made from lists (the job ends when they are
 * consumed), and outputs collected into this JVM's memory, to be read once {@link #run()} returned. It runs on the
 * MiniCluster the test registers ({@link TestFlink#miniCluster()}), with the launcher's job settings (no Kryo fallback,
 * an explicit uid on every operator), parallelism 2 and no restarts, so a failing job fails the test at once.
 */
public final class InMemoryRun {
    /** What each collecting sink received, by its key; a key names one output of one run. */
    private static final Map<String, Queue<Object>> COLLECTED = new ConcurrentHashMap<>();

    private final StreamExecutionEnvironment env;
    private final String runId = UUID.randomUUID().toString();
    private boolean finished;

    public InMemoryRun() {
        env = StreamExecutionEnvironment.getExecutionEnvironment(TestFlink.jobConfiguration(0));
        env.setParallelism(2);
    }

    /** A bounded input of {@code elements}, in their order (possibly none). */
    public <T> DataStream<T> input(String name, TypeInformation<T> type, List<T> elements) {
        if (!elements.isEmpty()) return env.fromData(elements, type).name(name).uid("in-memory-" + name);
        // Flink's collection source needs an element: an empty input is a placeholder that is filtered out.
        T placeholder =
                type.createSerializer(env.getConfig().getSerializerConfig()).createInstance();
        return env.fromData(type, placeholder)
                .name(name)
                .uid("in-memory-" + name)
                .filter(e -> false)
                .name(name + ": none")
                .uid("in-memory-" + name + "-none");
    }

    /** A bounded input of {@code elements}, in their order (possibly none). */
    public <T> DataStream<T> input(String name, Class<T> type, List<T> elements) {
        return input(name, TypeInformation.of(type), elements);
    }

    /** Records as a binding reads them from a topic: the UTF-8 bytes of each line, received at {@code receivedAt}. */
    public DataStream<RawRecord> records(String topic, long receivedAt, List<String> lines) {
        List<RawRecord> records = new ArrayList<>();
        for (String line : lines) records.add(RawRecord.of(line, receivedAt));
        return input(topic, RawRecord.class, records);
    }

    /** Collects every element of {@code stream}; read it with {@link Output#elements()} after {@link #run()}. */
    public <T> Output<T> collect(String name, DataStream<T> stream) {
        String key = runId + "/" + name;
        if (COLLECTED.putIfAbsent(key, new ConcurrentLinkedQueue<>()) != null) {
            throw new IllegalArgumentException("output '" + name + "' is collected already");
        }
        stream.sinkTo(new CollectingSink<>(key)).name("collect " + name).uid("collect-" + name);
        return new Output<>(key);
    }

    /** Runs the job to its end: every input consumed, every output collected. */
    public void run() throws Exception {
        env.execute("in-memory run " + runId);
        finished = true;
    }

    /** The elements one output received, in no particular order across its parallel subtasks. */
    public final class Output<T> {
        private final String key;

        private Output(String key) {
            this.key = key;
        }

        @SuppressWarnings("unchecked")
        public List<T> elements() {
            if (!finished) throw new IllegalStateException("the run has not finished: call run() first");
            List<T> elements = new ArrayList<>();
            for (Object e : COLLECTED.get(key)) elements.add((T) e);
            return elements;
        }
    }

    /** Adds each element to the in-memory list of its key: the MiniCluster runs in the test's JVM. */
    private static final class CollectingSink<T> implements Sink<T> {
        private final String key;

        CollectingSink(String key) {
            this.key = key;
        }

        @Override
        public SinkWriter<T> createWriter(WriterInitContext context) {
            Queue<Object> target = COLLECTED.get(key);
            return new SinkWriter<>() {
                @Override
                public void write(T element, Context context) {
                    target.add(element);
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }
}
