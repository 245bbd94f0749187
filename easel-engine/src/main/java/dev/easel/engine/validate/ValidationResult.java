package dev.easel.engine.validate;

import java.util.List;
import java.util.Map;

/** The verdict on a submitted prompt: runnable (possibly with some outputs dropped) or rejected. */
public sealed interface ValidationResult {

    Map<String, NodeErrors> nodeErrors();

    /** HTTP 200: {@code outputs} are the output nodes to run; {@code nodeErrors} may be non-empty. */
    record Valid(List<String> outputs, Map<String, NodeErrors> nodeErrors) implements ValidationResult {}

    /** HTTP 400 with {@code {"error": error, "node_errors": nodeErrors}}. */
    record Invalid(ErrorInfo error, Map<String, NodeErrors> nodeErrors) implements ValidationResult {}
}
