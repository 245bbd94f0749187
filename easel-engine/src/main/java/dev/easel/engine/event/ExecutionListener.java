package dev.easel.engine.event;

/**
 * Receives a run's events. Rules: {@link #onEvent} is fast, never blocks, never throws and
 * never calls back into the engine. Events of one run arrive in order; async nodes may call it
 * from several threads, so implementations are thread-safe.
 */
@FunctionalInterface
public interface ExecutionListener {

    void onEvent(ExecutionEvent event);

    ExecutionListener NONE = event -> { };
}
