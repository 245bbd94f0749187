package dev.easel.engine.node;

import dev.easel.engine.graph.Expansion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one node call returns: its output values (one per declared output, each possibly an
 * {@link ExecutionBlocker}, or a {@link dev.easel.engine.graph.Link} into its expansion), the UI
 * data sent as {@code executed.output}, and optionally a graph to expand into.
 */
public record NodeResult(List<Object> outputs, Map<String, List<Object>> ui, Optional<Expansion> expansion) {

    public NodeResult {
        outputs = Collections.unmodifiableList(new ArrayList<>(outputs));
        ui = Collections.unmodifiableMap(new LinkedHashMap<>(ui));
    }

    public static NodeResult of(Object... outputs) {
        return new NodeResult(Arrays.asList(outputs), Map.of(), Optional.empty());
    }

    public static NodeResult ofList(List<Object> outputs) {
        return new NodeResult(outputs, Map.of(), Optional.empty());
    }

    public static NodeResult expand(Expansion graph, Object... outputs) {
        return new NodeResult(Arrays.asList(outputs), Map.of(), Optional.of(graph));
    }

    /** A copy with one more UI key (values are concatenated across list calls). */
    public NodeResult withUi(String key, List<?> values) {
        Map<String, List<Object>> merged = new LinkedHashMap<>(ui);
        merged.put(key, List.copyOf(values));
        return new NodeResult(outputs, merged, expansion);
    }
}
