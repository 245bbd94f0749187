package dev.easel.engine.exec;

import dev.easel.engine.event.ExecutionEvent;
import dev.easel.engine.event.NodeProgress;
import dev.easel.engine.graph.DynamicPrompt;
import dev.easel.engine.node.Preview;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code progress_state} of one run and the events around it. Every call emits under one
 * lock, so a progress tick's {@code progress_state}, preview and {@code progress} stay together
 * even when async nodes report from several threads.
 */
final class ProgressTracker {
    private final String promptId;
    private final DynamicPrompt graph;
    private final Emitter emitter;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<NodeProgress> entries = new ArrayList<>();

    ProgressTracker(String promptId, DynamicPrompt graph, Emitter emitter) {
        this.promptId = promptId;
        this.graph = graph;
        this.emitter = emitter;
    }

    void start(String nodeId) {
        synchronized (emitter) {
            set(nodeId, 0.0, 1.0, NodeProgress.State.RUNNING);
            emitter.emit(snapshot());
        }
    }

    void update(String nodeId, Number value, Number max, Optional<Preview> preview) {
        Number clamped = value.doubleValue() > max.doubleValue() ? max : value;
        synchronized (emitter) {
            set(nodeId, clamped, max, NodeProgress.State.RUNNING);
            emitter.emit(snapshot());
            preview.ifPresent(p -> emitter.emit(new ExecutionEvent.PreviewImage(promptId, nodeId, graph.displayId(nodeId),
                    graph.parentId(nodeId), graph.realNodeId(nodeId), p)));
            emitter.emit(new ExecutionEvent.Progress(promptId, nodeId, clamped, max));
        }
    }

    void finish(String nodeId) {
        synchronized (emitter) {
            Integer at = index.get(nodeId);
            Number max = at == null ? 1.0 : entries.get(at).max();
            set(nodeId, max, max, NodeProgress.State.FINISHED);
            emitter.emit(snapshot());
        }
    }

    private void set(String nodeId, Number value, Number max, NodeProgress.State state) {
        NodeProgress entry = new NodeProgress(value, max, state, nodeId, promptId, graph.displayId(nodeId),
                graph.parentId(nodeId), graph.realNodeId(nodeId));
        Integer at = index.get(nodeId);
        if (at == null) {
            index.put(nodeId, entries.size());
            entries.add(entry);
        } else {
            entries.set(at, entry);
        }
    }

    private ExecutionEvent.ProgressState snapshot() {
        return new ExecutionEvent.ProgressState(promptId, new Snapshot(entries.toArray(NodeProgress[]::new)));
    }

    /** An immutable, ordered view of the entries at one moment; copying is one array copy. */
    private static final class Snapshot extends AbstractMap<String, NodeProgress> {
        private final NodeProgress[] items;

        Snapshot(NodeProgress[] items) {
            this.items = items;
        }

        @Override
        public Set<Entry<String, NodeProgress>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, NodeProgress>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < items.length;
                        }

                        @Override
                        public Entry<String, NodeProgress> next() {
                            NodeProgress p = items[next++];
                            return new SimpleImmutableEntry<>(p.nodeId(), p);
                        }
                    };
                }

                @Override
                public int size() {
                    return items.length;
                }
            };
        }
    }
}
