package dev.easel.testkit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Records what a logger (the root one by default) writes while open: level, message and cause. */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public record Line(Level level, String logger, String message, String cause) {
        public String text() {
            return message + (cause.isEmpty() ? "" : "\n" + cause);
        }
    }

    /** Captures everything logged. */
    public LogCapture() {
        this(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private LogCapture(String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        appender.start();
        logger.addAppender(appender);
    }

    /** Captures one logger and those under it. */
    public static LogCapture of(String loggerName) {
        return new LogCapture(loggerName);
    }

    public List<Line> lines() {
        synchronized (appender.list) {
            return appender.list.stream().map(e -> new Line(e.getLevel(), e.getLoggerName(), e.getFormattedMessage(),
                    e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
        }
    }

    /** The formatted messages so far, oldest first. */
    public List<String> messages() {
        return lines().stream().map(Line::message).toList();
    }

    /** Lines from loggers under {@code dev.easel}, Easel's own. */
    public List<Line> server() {
        return lines().stream().filter(l -> l.logger().startsWith("dev.easel")).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
