package dev.easel.engine.cache;

/** The output-caching strategy chosen on the command line. */
public sealed interface CachePolicy {

    /** Entries not used by the newest prompt are dropped when it starts (ComfyUI's classic cache). */
    record Classic() implements CachePolicy {}

    /** Keeps up to {@code maxEntries} outputs across prompts, least recently used evicted first. */
    record Lru(int maxEntries) implements CachePolicy {}

    /** Nothing is cached; every node of every prompt runs. */
    record None() implements CachePolicy {}

    static CachePolicy classic() { return new Classic(); }

    /** {@code --cache-lru 0} means classic caching, as in ComfyUI. */
    static CachePolicy lru(int maxEntries) { return maxEntries <= 0 ? new Classic() : new Lru(maxEntries); }

    static CachePolicy none() { return new None(); }
}
