package dev.easel.engine.cache;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node's stored result: one list of values per output slot (one value per call, or the
 * flattened list of an OUTPUT_IS_LIST output) and the UI it produced, if any.
 */
public record CacheEntry(List<List<Object>> outputs, Optional<Map<String, List<Object>>> ui) {
    public CacheEntry {
        outputs = List.copyOf(outputs);
    }
}
