package io.stockflow.testing;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * What the named loggers write at INFO and above while it is open (the tests otherwise log warnings only), kept apart
 * from the console: for tests that check what a run logs, e.g. that a secret never appears. Kafka's clients log their
 * whole configuration at INFO when they start, so capturing them at INFO is the strict test.
 */
public final class CapturedLogs implements AutoCloseable {
    private final StringWriter text = new StringWriter();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final Appender appender;
    private final List<String> names;

    public CapturedLogs(String... loggerNames) {
        this.names = List.of(loggerNames);
        Configuration config = context.getConfiguration();
        appender = WriterAppender.newBuilder()
                .setName("captured-" + System.identityHashCode(this))
                .setTarget(text)
                .setLayout(PatternLayout.newBuilder()
                        .withPattern("%-5p %c - %m%n")
                        .withConfiguration(config)
                        .build())
                .build();
        appender.start();
        config.addAppender(appender);
        for (String name : names) {
            LoggerConfig logger = LoggerConfig.newBuilder()
                    .setLoggerName(name)
                    .setLevel(Level.INFO)
                    .setAdditivity(false)
                    .setConfig(config)
                    .build();
            logger.addAppender(appender, Level.INFO, null);
            config.addLogger(name, logger);
        }
        context.updateLoggers();
    }

    /** Everything captured so far. */
    public String text() {
        return text.toString();
    }

    @Override
    public void close() {
        Configuration config = context.getConfiguration();
        for (String name : new ArrayList<>(names)) config.removeLogger(name);
        context.updateLoggers();
        appender.stop();
    }
}
