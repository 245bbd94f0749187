package dev.easel.engine.validate;

import java.util.List;

/** One entry of {@code node_errors}: the node's own errors and the outputs they invalidate. */
public record NodeErrors(List<ErrorInfo> errors, List<String> dependentOutputs, String classType) {
    public NodeErrors {
        errors = List.copyOf(errors);
        dependentOutputs = List.copyOf(dependentOutputs);
    }
}
