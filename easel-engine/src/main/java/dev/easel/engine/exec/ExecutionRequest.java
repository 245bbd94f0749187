package dev.easel.engine.exec;

import dev.easel.engine.files.FileSpace;
import dev.easel.engine.graph.Prompt;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One validated prompt to run. {@code outputs} are the output node ids to execute (those that
 * passed validation, filtered by {@code partial_execution_targets}); {@code extraData} is the
 * client's {@code extra_data}, from which {@code extra_pnginfo} feeds the hidden input;
 * {@code files} are the folders its nodes save to and load from (its user's, with authentication).
 */
public record ExecutionRequest(String promptId, Prompt prompt, List<String> outputs, Map<String, Object> extraData,
                               FileSpace files) {
    public ExecutionRequest {
        Objects.requireNonNull(files, "files");
        outputs = List.copyOf(outputs);
        extraData = extraData == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extraData));
    }
}
