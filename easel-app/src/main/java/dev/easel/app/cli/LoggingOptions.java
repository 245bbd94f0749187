package dev.easel.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** ComfyUI's {@code --verbose [LEVEL]} and the launch flags that have nothing to do here. */
public final class LoggingOptions {

    /** ComfyUI's (Python's) level names mapped to Logback's. */
    private static final Map<String, Level> LEVELS = Map.of("DEBUG", Level.DEBUG, "INFO", Level.INFO,
            "WARNING", Level.WARN, "ERROR", Level.ERROR, "CRITICAL", Level.ERROR);

    @Option(names = "--verbose", paramLabel = "LEVEL", arity = "0..1", fallbackValue = "DEBUG",
            description = "Log level: DEBUG, INFO, WARNING, ERROR or CRITICAL (the bare flag means DEBUG).")
    String verbose;

    @Option(names = {"--auto-launch", "--disable-auto-launch"},
            description = "Accepted for compatibility; Easel never opens a browser.")
    boolean autoLaunch;

    Optional<Level> level() {
        return Optional.ofNullable(verbose).map(v -> LEVELS.get(v.toUpperCase(Locale.ROOT)));
    }

    /** Applies {@code --verbose} to the root logger; an unknown level name is a usage error. */
    void apply() {
        if (verbose == null) return;
        Level level = level().orElseThrow(() -> new IllegalArgumentException(
                "--verbose expects DEBUG, INFO, WARNING, ERROR or CRITICAL, was '" + verbose + "'"));
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(level);
        }
    }
}
