package dev.easel.engine.graph;

import java.util.Map;
import java.util.Optional;

/**
 * One node of an API-format prompt. {@code inputs} keeps the client's key order.
 * {@code overrideDisplayId} is only set on nodes created by graph expansion that asked to be
 * shown as another node; {@code isChanged} is the optional precomputed IS_CHANGED value.
 */
public record PromptNode(String id, String classType, Map<String, InputValue> inputs,
                         Optional<String> title, Optional<String> overrideDisplayId,
                         Optional<Object> isChanged) {

    public PromptNode {
        inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    }

    public PromptNode(String id, String classType, Map<String, InputValue> inputs) {
        this(id, classType, inputs, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Optional<InputValue> input(String name) {
        return Optional.ofNullable(inputs.get(name));
    }

    /** The name shown in error messages: the title when the client gave one. */
    public String displayTitle() {
        return title.orElse(classType);
    }
}
