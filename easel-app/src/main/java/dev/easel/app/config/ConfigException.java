package dev.easel.app.config;

/** A configuration the user must fix (bad YAML, unreadable file); shown as one line, no stack trace. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
