package dev.easel.engine.exec;

import dev.easel.engine.cache.CacheKey;
import dev.easel.engine.cache.Unique;
import dev.easel.engine.files.FileSpace;
import dev.easel.engine.graph.DynamicPrompt;
import dev.easel.engine.graph.InputValue;
import dev.easel.engine.graph.PromptNode;
import dev.easel.engine.node.HiddenInput;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeSchema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes each node's cache key for one run (ComfyUI's input signature): class, IS_CHANGED,
 * the id for nodes that are not idempotent, and inputs in name order with links replaced by the
 * key of their source. Memoised; a link that closes a cycle contributes a never-equal marker.
 * An output node's key also names whose files the run uses: its cached result (the UI's file
 * names) means those files, so another user's identical prompt runs it again in their own.
 */
final class Signatures {
    private final DynamicPrompt graph;
    private final NodeLookup nodes;
    private final Fingerprints fingerprints;
    private final String filesOwner;
    private final Map<String, CacheKey> keys = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    Signatures(DynamicPrompt graph, NodeLookup nodes, Fingerprints fingerprints, FileSpace files) {
        this.graph = graph;
        this.nodes = nodes;
        this.fingerprints = fingerprints;
        this.filesOwner = files.owner();
    }

    /**
     * The key of {@code nodeId}, computing its sources' keys first with an explicit stack (post
     * order), so a chain of any length needs no recursion.
     */
    CacheKey keyOf(String nodeId) {
        CacheKey known = keys.get(nodeId);
        if (known != null) return known;
        Deque<String> stack = new ArrayDeque<>();
        stack.push(nodeId);
        inProgress.add(nodeId);
        while (!stack.isEmpty()) {
            String id = stack.peek();
            Optional<String> pending = pendingSource(id);
            if (pending.isPresent()) {
                stack.push(pending.get());
                inProgress.add(pending.get());
                continue;
            }
            stack.pop();
            keys.put(id, build(id));
            inProgress.remove(id);
        }
        return keys.get(nodeId);
    }

    /** A linked source of {@code id} that still needs its key, unless it closes a cycle. */
    private Optional<String> pendingSource(String id) {
        for (InputValue value : graph.require(id).inputs().values()) {
            if (value instanceof InputValue.Linked l) {
                String source = l.link().nodeId();
                if (graph.has(source) && !keys.containsKey(source) && !inProgress.contains(source)) return Optional.of(source);
            }
        }
        return Optional.empty();
    }

    private CacheKey build(String nodeId) {
        PromptNode node = graph.require(nodeId);
        NodeDefinition definition = nodes.definition(nodeId);
        NodeSchema schema = definition.schema();
        boolean byId = schema.notIdempotent() || schema.hasHidden(HiddenInput.UNIQUE_ID);
        List<Object> inputs = new ArrayList<>();
        new TreeMap<>(node.inputs()).forEach((name, value) -> inputs.add(new CacheKey.Input(name, part(value))));
        Object fingerprint = Unique.comparable(fingerprints.of(nodeId));
        if (schema.outputNode()) fingerprint = Arrays.asList(fingerprint, filesOwner);
        return CacheKey.canonical(new CacheKey(node.classType(), fingerprint, byId ? nodeId : null, inputs));
    }

    private Object part(InputValue value) {
        return switch (value) {
            case InputValue.Constant c -> Unique.comparable(c.value());
            case InputValue.Malformed m -> m.raw();
            case InputValue.Linked l -> {
                CacheKey source = keys.get(l.link().nodeId());
                // missing, or still in progress: the link closes a cycle
                if (source == null) yield new Unique();
                yield new CacheKey.LinkedInput(source, l.link().slot());
            }
        };
    }
}
