package dev.easel.engine.exec;

import dev.easel.engine.files.FileSpace;
import dev.easel.engine.graph.DynamicPrompt;
import dev.easel.engine.graph.PromptNode;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IS_CHANGED results of one run, computed once per node from constant inputs only (linked
 * inputs are null). A failing fingerprint counts as NaN: the node always re-runs.
 */
final class Fingerprints {
    private static final Logger LOG = LoggerFactory.getLogger(Fingerprints.class);

    private final DynamicPrompt graph;
    private final NodeLookup nodes;
    private final InputGatherer gatherer;
    private final FileSpace files;
    private final Map<String, Object> results = new HashMap<>();

    Fingerprints(DynamicPrompt graph, NodeLookup nodes, InputGatherer gatherer, FileSpace files) {
        this.graph = graph;
        this.nodes = nodes;
        this.gatherer = gatherer;
        this.files = files;
    }

    Object of(String nodeId) {
        if (results.containsKey(nodeId)) return results.get(nodeId);
        Object value = compute(nodeId);
        results.put(nodeId, value);
        return value;
    }

    private Object compute(String nodeId) {
        NodeDefinition definition = nodes.definition(nodeId);
        if (!definition.hasFingerprint()) return Boolean.FALSE;
        PromptNode node = graph.require(nodeId);
        Optional<Object> given = node.isChanged();
        if (given.isPresent()) return given.get();
        try {
            Map<String, List<Object>> constants = gatherer.constantsOnly(nodeId);
            List<Object> perCall = new ArrayList<>();
            for (Map<String, Object> call : ListMapping.slices(constants)) {
                perCall.add(definition.fingerprint(new Inputs(call), files));
            }
            return perCall;
        } catch (Exception ex) {
            LOG.warn("IS_CHANGED of node {} ({}) failed, it will re-run: {}", nodeId, node.classType(), ex.toString());
            return Double.NaN;
        }
    }
}
