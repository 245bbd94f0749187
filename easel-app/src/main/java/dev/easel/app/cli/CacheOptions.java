package dev.easel.app.cli;

import dev.easel.engine.cache.CachePolicy;
import picocli.CommandLine.Option;

/** ComfyUI's mutually exclusive cache flags; none given means classic. */
public final class CacheOptions {

    @Option(names = "--cache-classic", description = "Keep only the outputs the newest prompt used (the default).")
    boolean classic;

    @Option(names = "--cache-lru", paramLabel = "N", description = "Keep up to N node outputs, least recently used evicted first (0 = classic).")
    Integer lru;

    @Option(names = "--cache-none", description = "Cache nothing: every node of every prompt runs.")
    boolean none;

    CachePolicy policy() {
        if (none) return CachePolicy.none();
        if (lru != null) return CachePolicy.lru(lru);
        return CachePolicy.classic();
    }
}
