package dev.easel.engine.node;

/** Thrown by {@link NodeContext#checkInterrupted()} once the run has been interrupted. */
public final class ExecutionInterruptedException extends RuntimeException {
    public ExecutionInterruptedException() {
        super("Processing interrupted", null, false, false);
    }
}
