package io.stockflow.flink.main;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The project's version and the job jar's file name, as the build wrote them into {@code stockflow-version.properties}. */
public final class Version {
    private static final Properties BUILD = load();

    private Version() {}

    /** The Maven project version (the parent pom's). */
    public static String get() {
        return BUILD.getProperty("version");
    }

    /** The job jar's file name as the build names it under {@code jobs/target}. */
    public static String jobJar() {
        return BUILD.getProperty("job-jar");
    }

    /** What {@code --version} prints. */
    public static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"stockflow " + get()};
        }
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("stockflow-version.properties")) {
            if (in == null)
                throw new IllegalStateException("stockflow-version.properties is missing: build with Maven");
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
