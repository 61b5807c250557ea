package io.stockflow.flink.ingest;

import io.stockflow.flink.io.RawRecord;
import io.stockflow.flink.metrics.StockflowMetrics;
import io.stockflow.ingest.ContactRedaction;
import io.stockflow.ingest.DeadLetterReasons;
import io.stockflow.json.InvalidRecordException;
import io.stockflow.model.DeadLetter;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Parses each raw record of one input topic once, at the source, into a compact value. A record that cannot be used
 * goes to the dead-letter side output with the reason; nothing here throws, so one poison record never restarts the job.
 */
public final class ParseRecords<T> extends ProcessFunction<RawRecord, T> {
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};
    /** Longest raw text copied into a dead letter; longer records are cut, with a note. */
    static final int MAX_RAW_CHARS = 64 * 1024;

    private final String topic;
    private final RecordParser.WithSide.Factory<T, ?> parsers;
    private final OutputTag<?> sideTag;
    private transient RecordParser.WithSide<T, Object> parser;
    private transient List<Object> setAside;
    private transient Counter parsed;
    private transient Counter rejected;
    private transient StockflowMetrics.PerKey<Counter> deadLetters;

    public ParseRecords(String topic, RecordParser.Factory<T> parsers) {
        this(
                topic,
                () -> {
                    RecordParser<T> parser = parsers.create();
                    return (record, side) -> parser.parse(record);
                },
                null);
    }

    private ParseRecords(String topic, RecordParser.WithSide.Factory<T, ?> parsers, OutputTag<?> sideTag) {
        this.topic = topic;
        this.parsers = parsers;
        this.sideTag = sideTag;
    }

    /**
     * The records of {@code topic} parsed into {@code type}, named {@code parse <topic>}; its unusable records are on
     * the {@link #DEAD_LETTERS} side output of the returned stream.
     */
    public static <T> SingleOutputStreamOperator<T> parse(
            DataStream<RawRecord> raw, String topic, RecordParser.Factory<T> parsers, Class<T> type, String uid) {
        return raw.process(new ParseRecords<>(topic, parsers))
                .returns(type)
                .name("parse " + topic)
                .uid(uid);
    }

    /**
     * As {@link #parse(DataStream, String, RecordParser.Factory, Class, String)}, and what the parser sets aside for a
     * record that parses is on the {@code side} output. Nothing is kept in state: a side value leaves with its record.
     */
    public static <T, S> SingleOutputStreamOperator<T> parse(
            DataStream<RawRecord> raw,
            String topic,
            RecordParser.WithSide.Factory<T, S> parsers,
            OutputTag<S> side,
            Class<T> type,
            String uid) {
        return raw.process(new ParseRecords<>(topic, parsers, side))
                .returns(type)
                .name("parse " + topic)
                .uid(uid);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(OpenContext context) {
        parser = (RecordParser.WithSide<T, Object>) parsers.create();
        setAside = new ArrayList<>(1);
        parsed = getRuntimeContext().getMetricGroup().counter("recordsParsed");
        rejected = getRuntimeContext().getMetricGroup().counter("recordsDeadLettered");
        deadLetters = StockflowMetrics.counters(
                getRuntimeContext().getMetricGroup(), StockflowMetrics.REASON, StockflowMetrics.DEAD_LETTERS);
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<T> out) {
        T value = null;
        String reason;
        setAside.clear();
        try {
            value = parser.parse(record.value, setAside::add);
            reason = value == null ? "the parser produced nothing" : null;
        } catch (InvalidRecordException e) {
            reason = e.getMessage();
        } catch (RuntimeException e) {
            // A mapper bug must not take the job down; the record and the error go to the dead letters for a fix.
            reason = "unexpected " + e.getClass().getSimpleName() + " while parsing: " + e.getMessage();
        }
        if (reason == null) {
            parsed.inc();
            out.collect(value);
            if (sideTag != null) for (Object side : setAside) emitSide(ctx, side);
            return;
        }
        rejected.inc();
        deadLetters.get(DeadLetterReasons.category(reason)).inc();
        ctx.output(DEAD_LETTERS, new DeadLetter(topic, reason, rawText(record), record.receivedAt));
    }

    @SuppressWarnings("unchecked")
    private void emitSide(Context ctx, Object value) {
        ctx.output((OutputTag<Object>) sideTag, value);
    }

    /** The record as received, with the buyer's contact details masked: dead letters are read by people. */
    static String rawText(RawRecord record) {
        String text = ContactRedaction.redact(record.text());
        if (text.length() <= MAX_RAW_CHARS) return text;
        return text.substring(0, MAX_RAW_CHARS) + "…[cut: " + text.length() + " chars in all]";
    }
}
