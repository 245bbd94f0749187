package dev.easel.server.testkit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Records what the server logs while open: each event's level, formatted message and cause. */
public final class LogCapture implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public record Line(Level level, String logger, String message, String cause) {
        public String text() {
            return message + (cause.isEmpty() ? "" : "\n" + cause);
        }
    }

    public LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    public List<Line> lines() {
        synchronized (appender.list) {
            return appender.list.stream().map(e -> new Line(e.getLevel(), e.getLoggerName(), e.getFormattedMessage(),
                    e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
        }
    }

    /** Lines from loggers under {@code dev.easel}, the server's own. */
    public List<Line> server() {
        return lines().stream().filter(l -> l.logger().startsWith("dev.easel")).toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
    }
}
