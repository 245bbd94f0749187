package dev.easel.server.logs;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Feeds a {@link LogBuffer} from Logback's root logger, each event as the console prints it
 * (the pattern of Easel's own console). Used only when Logback is the logging backend.
 */
final class LogbackTap extends AppenderBase<ILoggingEvent> {
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n%ex";

    private final LogBuffer buffer;
    private final PatternLayout layout = new PatternLayout();

    private LogbackTap(LogBuffer buffer) {
        this.buffer = buffer;
    }

    static AutoCloseable attach(LogBuffer buffer) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LogbackTap tap = new LogbackTap(buffer);
        tap.setContext(context);
        tap.setName("easel-log-buffer");
        tap.layout.setContext(context);
        tap.layout.setPattern(PATTERN);
        tap.layout.start();
        tap.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(tap);
        return () -> {
            root.detachAppender(tap);
            tap.stop();
        };
    }

    @Override
    protected void append(ILoggingEvent event) {
        LocalDateTime time = LocalDateTime.ofInstant(event.getInstant(), ZoneId.systemDefault());
        buffer.append(new LogBuffer.Entry(time, layout.doLayout(event)));
    }
}
