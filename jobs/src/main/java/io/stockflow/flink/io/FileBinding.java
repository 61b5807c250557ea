package io.stockflow.flink.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;

/**
 * Bounded runs over files: input topic {@code T} is read from {@code <input>/T.jsonl} (absent file: no records), output
 * topic {@code T} is written as JSON-Lines files under {@code <output>/T/}. Blank lines are skipped.
 */
public final class FileBinding implements TopicBinding {
    private final Path input;
    private final Path output;

    public FileBinding(Path input, Path output) {
        this.input = input;
        this.output = output;
    }

    @Override
    public DataStream<RawRecord> source(StreamExecutionEnvironment env, String topic) {
        String fileName = topic + ".jsonl";
        String root = input.toAbsolutePath().normalize().toString();
        // The folder, filtered to the one file: an absent file is an input with no records, and the run still ends.
        FileSource<String> source = FileSource.forRecordStreamFormat(
                        new TextLineInputFormat(), new org.apache.flink.core.fs.Path(input.toUri()))
                .setFileEnumerator(() -> new NonSplittingRecursiveEnumerator(path -> path.getName()
                                .equals(fileName)
                        || Path.of(path.getPath()).normalize().toString().equals(root)))
                .build();
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), topic + " file")
                .uid("source-" + topic)
                .filter(line -> !line.isBlank())
                .name("skip blank lines")
                .uid("skip-blank-" + topic)
                .map(line -> new RawRecord(line.getBytes(StandardCharsets.UTF_8), System.currentTimeMillis()))
                .returns(RawRecord.class)
                .name("read " + topic)
                .uid("read-" + topic);
    }

    @Override
    public void sink(String topic, DataStream<OutRecord> records) {
        Encoder<OutRecord> jsonLines = (record, stream) -> {
            stream.write(record.value);
            stream.write('\n');
        };
        FileSink<OutRecord> sink = FileSink.forRowFormat(
                        new org.apache.flink.core.fs.Path(output.resolve(topic).toUri()), jsonLines)
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withOutputFileConfig(OutputFileConfig.builder()
                        .withPartPrefix("part")
                        .withPartSuffix(".jsonl")
                        .build())
                .build();
        records.sinkTo(sink).name(topic + " files").uid("sink-" + topic);
    }

    @Override
    public boolean bounded() {
        return true;
    }
}
