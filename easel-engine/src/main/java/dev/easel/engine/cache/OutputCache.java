package dev.easel.engine.cache;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Node outputs across prompts, keyed by input signature; what survives between prompts is the
 * policy's business. The no-op policy is a real implementation of the same contract.
 */
public final class OutputCache {
    private final Map<CacheKey, CacheEntry> entries = new HashMap<>();
    private final EvictionPolicy policy;

    public OutputCache(EvictionPolicy policy) {
        this.policy = policy;
    }

    public static OutputCache of(CachePolicy policy) {
        return new OutputCache(switch (policy) {
            case CachePolicy.Classic c -> new EvictionPolicy.KeepUsed();
            case CachePolicy.Lru lru -> new EvictionPolicy.LeastRecentlyUsed(lru.maxEntries());
            case CachePolicy.None n -> new EvictionPolicy.KeepNothing();
        });
    }

    /** A new prompt starts and will use {@code keys}. */
    public void beginPrompt(Set<CacheKey> keys) {
        policy.beginPrompt(entries, keys);
    }

    public Optional<CacheEntry> get(CacheKey key) {
        CacheEntry entry = entries.get(key);
        if (entry != null) policy.touched(key);
        return Optional.ofNullable(entry);
    }

    public void put(CacheKey key, CacheEntry entry) {
        if (!policy.admits()) return;
        entries.put(key, entry);
        policy.stored(entries, key);
    }

    public int size() {
        return entries.size();
    }

    public void clear() {
        entries.clear();
        policy.cleared();
    }
}
