package dev.easel.engine.cache;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Node outputs across prompts, keyed by input signature; what survives between prompts is the
 * policy's business. The no-op policy is a real implementation of the same contract.
 */
public final class OutputCache {
    private final Map<CacheKey, CacheEntry> entries = new HashMap<>();
    /** For outputs of nodes created by expansion: the id of the client's node they came from. */
    private final Map<CacheKey, String> owners = new HashMap<>();
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

    /**
     * A new prompt with these node ids starts and will use {@code keys}. Outputs of expansions
     * count as used while the prompt still has the node that expanded them (ComfyUI keeps them
     * in a sub-cache of that node), so a re-run of that node finds its unchanged parts.
     */
    public void beginPrompt(Set<CacheKey> keys, Set<String> nodeIds) {
        Set<CacheKey> used = new HashSet<>(keys);
        owners.forEach((key, owner) -> {
            if (nodeIds.contains(owner)) used.add(key);
        });
        policy.beginPrompt(entries, used);
        owners.keySet().retainAll(entries.keySet());
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

    /** Stores the output of a node created by expanding the client's node {@code ownerId}. */
    public void put(CacheKey key, CacheEntry entry, String ownerId) {
        put(key, entry);
        if (entries.containsKey(key)) owners.put(key, ownerId);
    }

    public int size() {
        return entries.size();
    }

    public void clear() {
        entries.clear();
        owners.clear();
        policy.cleared();
    }
}
