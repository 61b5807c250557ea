package io.stockflow.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One JSON object written to a String, the way Jackson's own {@code writeValueAsString} does it: into pooled buffers,
 * not a {@code StringWriter}, whose synchronized appends cost more than the writing on the hot path.
 */
public final class JsonText {
    private static final JsonFactory FACTORY = new JsonFactory();

    public interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private JsonText() {}

    public static String object(Fields fields) {
        BufferRecycler buffers = FACTORY._getBufferRecycler();
        try (SegmentedStringWriter out = new SegmentedStringWriter(buffers)) {
            try (JsonGenerator g = FACTORY.createGenerator(out)) {
                g.writeStartObject();
                fields.write(g);
                g.writeEndObject();
            }
            return out.getAndClear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            buffers.releaseToPool();
        }
    }
}
