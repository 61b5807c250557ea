package io.stockflow.notifier.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

/**
 * Compiling and running Mustache templates. Subjects, plain text and SMS are not HTML, so their values are written as
 * they are; the HTML layout escapes every value.
 */
final class Mustaches {
    private static final DefaultMustacheFactory PLAIN = new DefaultMustacheFactory() {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
    private static final DefaultMustacheFactory HTML = new DefaultMustacheFactory();

    private Mustaches() {}

    static Mustache plain(String name, String source) throws RenderFailure {
        return compile(PLAIN, name, source);
    }

    static Mustache html(String name, String source) throws RenderFailure {
        return compile(HTML, name, source);
    }

    private static Mustache compile(DefaultMustacheFactory factory, String name, String source) throws RenderFailure {
        try {
            return factory.compile(new StringReader(source), name);
        } catch (MustacheException e) {
            throw new RenderFailure("template " + name + " does not compile: " + e.getMessage(), e);
        }
    }

    static String run(Mustache mustache, Map<String, Object> scope) throws RenderFailure {
        try {
            StringWriter out = new StringWriter();
            mustache.execute(out, scope).flush();
            return out.toString();
        } catch (MustacheException | IOException | UncheckedIOException e) {
            throw new RenderFailure("template " + mustache.getName() + " does not render: " + e.getMessage(), e);
        }
    }
}
