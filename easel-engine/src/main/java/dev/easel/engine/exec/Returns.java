package dev.easel.engine.exec;

import dev.easel.engine.graph.Expansion;
import dev.easel.engine.node.ExecutionBlocker;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Combines the returns of a node's calls (ComfyUI's {@code get_output_from_returns} and
 * {@code merge_result_data}): outputs per slot, UI lists concatenated, and the expansions.
 */
record Returns(List<List<Object>> outputs, Map<String, List<Object>> ui, List<Part> parts, boolean expands) {

    /** One call's result; {@code expansion} present when the call returned a graph. */
    record Part(Optional<Expansion> expansion, List<Object> outputs) {}

    /** @param calls one entry per call: a {@link NodeResult} or an {@link ExecutionBlocker} */
    static Returns of(List<Object> calls, NodeSchema schema) {
        int slots = schema.outputs().size();
        List<List<Object>> results = new ArrayList<>();
        List<Map<String, List<Object>>> uis = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        boolean expands = false;
        for (Object call : calls) {
            if (call instanceof ExecutionBlocker blocker) {
                List<Object> blocked = Collections.nCopies(slots, blocker);
                results.add(blocked);
                parts.add(new Part(Optional.empty(), blocked));
                continue;
            }
            NodeResult result = (NodeResult) call;
            if (!result.ui().isEmpty()) uis.add(result.ui());
            if (result.expansion().isPresent()) {
                expands = true;
                parts.add(new Part(result.expansion(), result.outputs()));
            } else {
                results.add(result.outputs());
                parts.add(new Part(Optional.empty(), result.outputs()));
            }
        }
        List<List<Object>> outputs = expands || results.isEmpty() ? List.of() : merge(results, schema);
        return new Returns(outputs, mergeUi(uis), parts, expands);
    }

    /** Per slot: list outputs are concatenated across calls, others collect one value per call. */
    static List<List<Object>> merge(List<List<Object>> results, NodeSchema schema) {
        int slots = results.get(0).size();
        List<List<Object>> merged = new ArrayList<>(slots);
        for (int slot = 0; slot < slots; slot++) {
            boolean isList = slot < schema.outputs().size() && schema.outputs().get(slot).isList();
            List<Object> values = new ArrayList<>();
            for (List<Object> call : results) {
                Object value = slot < call.size() ? call.get(slot) : null;
                if (isList && value instanceof List<?> list) {
                    values.addAll(list);
                } else {
                    values.add(value);
                }
            }
            merged.add(values);
        }
        return merged;
    }

    private static Map<String, List<Object>> mergeUi(List<Map<String, List<Object>>> uis) {
        Map<String, List<Object>> merged = new LinkedHashMap<>();
        if (uis.isEmpty()) return merged;
        for (String key : uis.get(0).keySet()) {
            List<Object> all = new ArrayList<>();
            for (Map<String, List<Object>> ui : uis) {
                List<Object> values = ui.get(key);
                if (values != null) all.addAll(values);
            }
            merged.put(key, all);
        }
        return merged;
    }
}
