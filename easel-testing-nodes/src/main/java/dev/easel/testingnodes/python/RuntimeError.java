package dev.easel.testingnodes.python;

/**
 * The failure the pack's nodes raise on purpose. Named after Python's exception so that an
 * {@code execution_error} reports the same {@code exception_type} a ComfyUI client expects.
 */
public final class RuntimeError extends RuntimeException {
    public RuntimeError(String message) {
        super(message);
    }
}
