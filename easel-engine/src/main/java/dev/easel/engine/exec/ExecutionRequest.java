package dev.easel.engine.exec;

import dev.easel.engine.graph.Prompt;

import java.util.List;
import java.util.Map;

/**
 * One validated prompt to run. {@code outputs} are the output node ids to execute (those that
 * passed validation, filtered by {@code partial_execution_targets}); {@code extraData} is the
 * client's {@code extra_data}, from which {@code extra_pnginfo} feeds the hidden input.
 */
public record ExecutionRequest(String promptId, Prompt prompt, List<String> outputs, Map<String, Object> extraData) {
    public ExecutionRequest {
        outputs = List.copyOf(outputs);
        extraData = extraData == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extraData));
    }
}
