package dev.easel.models.text;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A bounded least-recently-used map of pre-token → token ids, safe to share between threads. */
final class WordCache {

    private final Map<String, int[]> entries;

    WordCache(int capacity) {
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, int[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached ids, or those computed now (outside the lock, so slow words block nobody). */
    int[] computeIfAbsent(String word, Function<String, int[]> compute) {
        synchronized (entries) {
            int[] known = entries.get(word);
            if (known != null) {
                return known;
            }
        }
        int[] ids = compute.apply(word);
        synchronized (entries) {
            entries.put(word, ids);
        }
        return ids;
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
