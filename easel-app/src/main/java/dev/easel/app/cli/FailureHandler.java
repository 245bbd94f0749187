package dev.easel.app.cli;

import dev.easel.app.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.UncheckedIOException;

/**
 * Turns a failure after parsing into exit code 1: problems the user can fix (a bad config file,
 * a folder that cannot be created, a broken node pack) as one line, anything else logged with its cause.
 */
final class FailureHandler implements IExecutionExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger("easel");

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        if (ex instanceof ConfigException || ex instanceof UncheckedIOException || ex instanceof IllegalStateException) {
            commandLine.getErr().println("easel: " + ex.getMessage());
        } else {
            log.error("easel failed", ex);
        }
        return 1;
    }
}
