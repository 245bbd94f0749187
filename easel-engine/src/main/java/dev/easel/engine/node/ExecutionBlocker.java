package dev.easel.engine.node;

import java.util.Optional;

/**
 * An output value that stops every consumer from running. With a message, the engine also sends
 * ComfyUI's {@code ExecutionBlocked} error and the prompt goes on; without, it blocks silently.
 */
public record ExecutionBlocker(Optional<String> message) {
    public static final ExecutionBlocker SILENT = new ExecutionBlocker(Optional.empty());

    public static ExecutionBlocker withMessage(String message) {
        return new ExecutionBlocker(Optional.of(message));
    }
}
