package dev.easel.engine.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ComfyUI's list mapping: a node is called once per index up to the longest input list, and
 * shorter lists repeat their last element.
 */
final class ListMapping {
    private ListMapping() {}

    static List<Map<String, Object>> slices(Map<String, List<Object>> inputs) {
        int calls = 0;
        for (List<Object> values : inputs.values()) calls = Math.max(calls, values.size());
        if (calls == 0) {
            List<Map<String, Object>> single = new ArrayList<>(1);
            single.add(new LinkedHashMap<>());
            return single;
        }
        List<Map<String, Object>> slices = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            Map<String, Object> call = new LinkedHashMap<>();
            for (Map.Entry<String, List<Object>> entry : inputs.entrySet()) {
                List<Object> values = entry.getValue();
                call.put(entry.getKey(), values.isEmpty() ? null : values.get(Math.min(i, values.size() - 1)));
            }
            slices.add(call);
        }
        return slices;
    }

    /** The whole lists as one call, for {@code inputIsList} nodes. */
    static Map<String, Object> whole(Map<String, List<Object>> inputs) {
        return new LinkedHashMap<>(inputs);
    }
}
