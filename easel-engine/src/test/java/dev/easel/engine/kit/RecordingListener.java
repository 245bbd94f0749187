package dev.easel.engine.kit;

import dev.easel.engine.event.ExecutionEvent;
import dev.easel.engine.event.ExecutionListener;

import java.util.ArrayList;
import java.util.List;

/** Keeps every event of a run, in order, and answers questions about it. */
public final class RecordingListener implements ExecutionListener {
    private final List<ExecutionEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(ExecutionEvent event) {
        events.add(event);
    }

    public synchronized List<ExecutionEvent> events() {
        return List.copyOf(events);
    }

    public <T extends ExecutionEvent> List<T> of(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Node ids in the order they got {@code executing}. */
    public List<String> executing() {
        return of(ExecutionEvent.Executing.class).stream().map(ExecutionEvent.Executing::nodeId).toList();
    }

    public boolean didRun(String nodeId) {
        return executing().contains(nodeId);
    }

    public List<String> cached() {
        return of(ExecutionEvent.ExecutionCached.class).get(0).nodes();
    }

    /** Event type names, e.g. {@code [ExecutionStart, ExecutionCached, ProgressState, Executing, ...]}. */
    public List<String> kinds() {
        return events().stream().map(e -> e.getClass().getSimpleName()).toList();
    }
}
