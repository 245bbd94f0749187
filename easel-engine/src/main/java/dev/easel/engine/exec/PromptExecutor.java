package dev.easel.engine.exec;

import dev.easel.engine.cache.CachePolicy;
import dev.easel.engine.cache.OutputCache;
import dev.easel.engine.event.ExecutionListener;
import dev.easel.engine.node.NodeRegistry;

/**
 * Runs prompts one at a time against caches that live across prompts. One worker owns it;
 * {@link #clearCaches()} may be called between runs.
 */
public final class PromptExecutor {
    private final NodeRegistry registry;
    private final OutputCache cache;

    public PromptExecutor(NodeRegistry registry, CachePolicy policy) {
        this.registry = registry;
        this.cache = OutputCache.of(policy);
    }

    /** Runs one prompt; emits exactly one terminal event and returns how it ended. */
    public synchronized RunOutcome execute(ExecutionRequest request, ExecutionListener listener, InterruptSignal interrupt) {
        Emitter emitter = new Emitter(listener);
        RunState state = new RunState(request, registry, cache, emitter, interrupt);
        RunOutcome.Status status;
        try {
            status = new Run(state).execute();
        } finally {
            emitter.close();
        }
        return new RunOutcome(status, state.uiOutputs, state.uiMeta);
    }

    /** Drops every cached output ({@code POST /free} with {@code free_memory}). */
    public synchronized void clearCaches() {
        cache.clear();
    }

    /** Number of cached node outputs (for diagnostics and tests). */
    public synchronized int cachedEntries() {
        return cache.size();
    }
}
