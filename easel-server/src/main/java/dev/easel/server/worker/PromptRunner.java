package dev.easel.server.worker;

import dev.easel.engine.event.ExecutionListener;
import dev.easel.engine.exec.ExecutionRequest;
import dev.easel.engine.exec.InterruptSignal;
import dev.easel.engine.exec.PromptExecutor;
import dev.easel.engine.exec.RunOutcome;
import dev.easel.engine.node.NodeRegistry;

/** What the worker runs prompts with: the engine's executor, owned by the worker thread alone. */
public interface PromptRunner {

    RunOutcome run(ExecutionRequest request, ExecutionListener listener, InterruptSignal interrupt);

    void clearCaches();

    /** Releases loaded models ({@code POST /free} with {@code unload_models}); nothing by default. */
    default void unloadModels() {
    }

    static PromptRunner of(PromptExecutor executor, NodeRegistry registry) {
        return new PromptRunner() {
            @Override
            public RunOutcome run(ExecutionRequest request, ExecutionListener listener, InterruptSignal interrupt) {
                return executor.execute(request, listener, interrupt);
            }

            @Override
            public void clearCaches() {
                executor.clearCaches();
            }

            @Override
            public void unloadModels() {
                registry.unloadModels();
            }
        };
    }
}
