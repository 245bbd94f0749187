package dev.easel.engine.validate;

import dev.easel.engine.graph.Prompt;
import dev.easel.engine.node.NodeRegistry;

import java.util.List;
import java.util.Optional;

/** ComfyUI's {@code validate_prompt}: top-level checks, then each output through its ancestors. */
public final class PromptValidator {
    private final NodeRegistry registry;

    public PromptValidator(NodeRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param partialTargets {@code partial_execution_targets}: when present only these output
     *                       nodes are validated and run
     */
    public ValidationResult validate(Prompt prompt, Optional<List<String>> partialTargets) {
        throw new UnsupportedOperationException("not yet");
    }
}
