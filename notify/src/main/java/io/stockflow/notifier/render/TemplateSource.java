package io.stockflow.notifier.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where template files are read from: a folder given in the configuration first (a shop's own wording), then the
 * templates that ship in the jar under {@code messages/}. One folder per locale or language, one file per template id.
 */
public final class TemplateSource {
    private static final String CLASSPATH_ROOT = "messages/";
    private final Path folder;

    private TemplateSource(Path folder) {
        this.folder = folder;
    }

    public static TemplateSource shipped() {
        return new TemplateSource(null);
    }

    public static TemplateSource folderThenShipped(Path folder) {
        return new TemplateSource(folder);
    }

    /** The text of {@code relative} (e.g. {@code en/shipped.mustache}), or null when no source has it. */
    String read(String relative) {
        if (folder != null) {
            Path file = folder.resolve(relative);
            if (Files.isRegularFile(file)) {
                try {
                    return Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read template " + file, e);
                }
            }
        }
        try (InputStream in = TemplateSource.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + relative)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + relative, e);
        }
    }
}
