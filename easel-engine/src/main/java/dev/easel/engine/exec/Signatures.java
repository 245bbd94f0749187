package dev.easel.engine.exec;

import dev.easel.engine.cache.CacheKey;
import dev.easel.engine.cache.Unique;
import dev.easel.engine.graph.DynamicPrompt;
import dev.easel.engine.graph.InputValue;
import dev.easel.engine.graph.PromptNode;
import dev.easel.engine.node.HiddenInput;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeSchema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes each node's cache key for one run (ComfyUI's input signature): class, IS_CHANGED,
 * the id for nodes that are not idempotent, and inputs in name order with links replaced by the
 * key of their source. Memoised; a link that closes a cycle contributes a never-equal marker.
 */
final class Signatures {
    private final DynamicPrompt graph;
    private final NodeLookup nodes;
    private final Fingerprints fingerprints;
    private final Map<String, CacheKey> keys = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    Signatures(DynamicPrompt graph, NodeLookup nodes, Fingerprints fingerprints) {
        this.graph = graph;
        this.nodes = nodes;
        this.fingerprints = fingerprints;
    }

    CacheKey keyOf(String nodeId) {
        CacheKey known = keys.get(nodeId);
        if (known != null) return known;
        inProgress.add(nodeId);
        try {
            PromptNode node = graph.require(nodeId);
            NodeDefinition definition = nodes.definition(nodeId);
            NodeSchema schema = definition.schema();
            boolean byId = schema.notIdempotent() || schema.hasHidden(HiddenInput.UNIQUE_ID);
            List<Object> inputs = new ArrayList<>();
            new TreeMap<>(node.inputs()).forEach((name, value) -> inputs.add(new CacheKey.Input(name, part(value))));
            CacheKey key = new CacheKey(node.classType(), Unique.comparable(fingerprints.of(nodeId)),
                    byId ? nodeId : null, inputs);
            keys.put(nodeId, key);
            return key;
        } finally {
            inProgress.remove(nodeId);
        }
    }

    private Object part(InputValue value) {
        return switch (value) {
            case InputValue.Constant c -> Unique.comparable(c.value());
            case InputValue.Malformed m -> m.raw();
            case InputValue.Linked l -> {
                String source = l.link().nodeId();
                if (!graph.has(source) || inProgress.contains(source)) yield new Unique();
                yield new CacheKey.LinkedInput(keyOf(source), l.link().slot());
            }
        };
    }
}
