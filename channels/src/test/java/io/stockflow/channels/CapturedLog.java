package io.stockflow.channels;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Every line the channel clients log while it is open, as formatted, with the stack traces' messages. */
final class CapturedLog implements AutoCloseable {
    private static final String LOGGER = "io.stockflow.channels";

    final List<String> lines = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;
    private final LoggerConfig config;

    CapturedLog() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        appender = new AbstractAppender("captured", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder(event.getMessage().getFormattedMessage());
                for (Throwable t = event.getThrown(); t != null; t = t.getCause())
                    line.append(" | ").append(t);
                lines.add(line.toString());
            }
        };
        appender.start();
        config = context.getConfiguration().getLoggerConfig(LOGGER);
        config.addAppender(appender, Level.ALL, null);
        context.updateLoggers();
    }

    @Override
    public void close() {
        config.removeAppender(appender.getName());
        appender.stop();
        ((LoggerContext) LogManager.getContext(false)).updateLoggers();
    }
}
