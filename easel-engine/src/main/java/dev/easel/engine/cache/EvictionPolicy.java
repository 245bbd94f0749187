package dev.easel.engine.cache;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Decides which cached outputs survive: the second half of "key strategy × eviction policy". */
public sealed interface EvictionPolicy {

    void beginPrompt(Map<CacheKey, CacheEntry> entries, Set<CacheKey> keysInUse);

    default boolean admits() { return true; }

    default void touched(CacheKey key) { }

    default void stored(Map<CacheKey, CacheEntry> entries, CacheKey key) { }

    default void cleared() { }

    /** Classic: when a prompt starts, drop every entry it does not use. */
    final class KeepUsed implements EvictionPolicy {
        @Override
        public void beginPrompt(Map<CacheKey, CacheEntry> entries, Set<CacheKey> keysInUse) {
            entries.keySet().retainAll(keysInUse);
        }
    }

    /** Nothing is kept. */
    final class KeepNothing implements EvictionPolicy {
        @Override
        public void beginPrompt(Map<CacheKey, CacheEntry> entries, Set<CacheKey> keysInUse) {
            entries.clear();
        }

        @Override
        public boolean admits() {
            return false;
        }
    }

    /**
     * Up to {@code maxEntries} entries; the least recently used generation goes first, and
     * entries used by the running prompt are never evicted.
     */
    final class LeastRecentlyUsed implements EvictionPolicy {
        private final int maxEntries;
        private final Map<CacheKey, Long> generations = new HashMap<>();
        private long generation;

        public LeastRecentlyUsed(int maxEntries) {
            this.maxEntries = maxEntries;
        }

        @Override
        public void beginPrompt(Map<CacheKey, CacheEntry> entries, Set<CacheKey> keysInUse) {
            generation++;
            keysInUse.stream().filter(entries::containsKey).forEach(this::touched);
        }

        @Override
        public void touched(CacheKey key) {
            generations.put(key, generation);
        }

        @Override
        public void stored(Map<CacheKey, CacheEntry> entries, CacheKey key) {
            touched(key);
            while (entries.size() > maxEntries) {
                long oldest = generations.values().stream().mapToLong(Long::longValue).min().orElse(generation);
                if (oldest >= generation) return;
                generations.entrySet().removeIf(e -> {
                    if (e.getValue() != oldest) return false;
                    entries.remove(e.getKey());
                    return true;
                });
            }
        }

        @Override
        public void cleared() {
            generations.clear();
        }
    }
}
