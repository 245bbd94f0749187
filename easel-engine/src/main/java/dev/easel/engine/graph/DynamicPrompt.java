package dev.easel.engine.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live graph of one run: the client's prompt plus every node added by graph expansion.
 * Nodes receive it through the hidden input {@code DYNPROMPT}. Ephemeral nodes remember the
 * node that expanded them (their parent) and the node the client should see highlighted.
 */
public final class DynamicPrompt {
    private final Prompt original;
    private final Map<String, PromptNode> ephemeral = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, String> parents = new ConcurrentHashMap<>();
    private final Map<String, String> displays = new ConcurrentHashMap<>();

    public DynamicPrompt(Prompt original) {
        this.original = original;
    }

    public Prompt original() {
        return original;
    }

    public Optional<PromptNode> node(String id) {
        PromptNode node = original.nodes().get(id);
        return node != null ? Optional.of(node) : Optional.ofNullable(ephemeral.get(id));
    }

    public PromptNode require(String id) {
        return node(id).orElseThrow(() -> new IllegalArgumentException("node " + id + " is not in the prompt"));
    }

    public boolean has(String id) {
        return original.nodes().containsKey(id) || ephemeral.containsKey(id);
    }

    public boolean isEphemeral(String id) {
        return ephemeral.containsKey(id);
    }

    public void addEphemeral(PromptNode node, String parentId, String displayId) {
        ephemeral.put(node.id(), node);
        parents.put(node.id(), parentId);
        displays.put(node.id(), displayId);
    }

    /** Ids of every node, the client's first, then expansions in the order they were added. */
    public Set<String> allNodeIds() {
        Set<String> ids = new java.util.LinkedHashSet<>(original.nodes().keySet());
        synchronized (ephemeral) {
            ids.addAll(ephemeral.keySet());
        }
        return ids;
    }

    /** The node that expanded {@code id}, if {@code id} came from an expansion. */
    public Optional<String> parentId(String id) {
        return Optional.ofNullable(parents.get(id));
    }

    /** The client's node this (possibly ephemeral) node descends from. */
    public String realNodeId(String id) {
        String current = id;
        String parent;
        while ((parent = parents.get(current)) != null) {
            current = parent;
        }
        return current;
    }

    /** The node a client should highlight while {@code id} runs. */
    public String displayId(String id) {
        String current = id;
        String next;
        while ((next = displays.get(current)) != null && !next.equals(current)) {
            current = next;
        }
        return current;
    }
}
