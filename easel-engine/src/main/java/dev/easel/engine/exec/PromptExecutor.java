package dev.easel.engine.exec;

import dev.easel.engine.cache.CachePolicy;
import dev.easel.engine.event.ExecutionListener;
import dev.easel.engine.node.NodeRegistry;

/**
 * Runs prompts one at a time against caches that live across prompts. Not thread-safe: one
 * worker owns it.
 */
public final class PromptExecutor {
    private final NodeRegistry registry;
    private final CachePolicy policy;

    public PromptExecutor(NodeRegistry registry, CachePolicy policy) {
        this.registry = registry;
        this.policy = policy;
    }

    /** Runs one prompt; emits exactly one terminal event and returns how it ended. */
    public RunOutcome execute(ExecutionRequest request, ExecutionListener listener, InterruptSignal interrupt) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Drops every cached output ({@code POST /free} with {@code free_memory}). */
    public void clearCaches() {
    }
}
