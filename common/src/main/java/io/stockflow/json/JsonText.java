package io.stockflow.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One JSON object written to a String or to UTF-8 bytes, the way Jackson's own {@code writeValueAsString} and
 * {@code writeValueAsBytes} do it: into pooled buffers, not a {@code StringWriter}, whose synchronized appends cost
 * more than the writing on the hot path. Records bound for Kafka or a file are written as bytes, so no String is made
 * and encoded on the way.
 */
public final class JsonText {
    /**
     * Characters outside the Basic Multilingual Plane (an emoji in a buyer's note) go as their four UTF-8 bytes in
     * both forms: by default Jackson's byte writer escapes them as a pair of surrogate escapes, its text writer not.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

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

    /** The same object as {@link #object}, as UTF-8 bytes. */
    public static byte[] utf8(Fields fields) {
        BufferRecycler buffers = FACTORY._getBufferRecycler();
        ByteArrayBuilder out = new ByteArrayBuilder(buffers);
        try {
            try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                g.writeStartObject();
                fields.write(g);
                g.writeEndObject();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            out.release();
            buffers.releaseToPool();
        }
    }
}
