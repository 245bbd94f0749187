package dev.easel.engine.exec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a run ended, plus what history keeps of it: the UI output of every node that produced
 * one (cached nodes included), and where each of those nodes sits in the expanded graph.
 */
public record RunOutcome(Status status, Map<String, Map<String, List<Object>>> outputs, Map<String, NodeMeta> meta) {

    public enum Status { SUCCESS, FAILED, INTERRUPTED }

    public record NodeMeta(String nodeId, String displayNode, Optional<String> parentNode, String realNodeId) {}

    public RunOutcome {
        outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
        meta = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
    }
}
