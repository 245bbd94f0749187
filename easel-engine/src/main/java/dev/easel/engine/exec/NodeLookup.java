package dev.easel.engine.exec;

import dev.easel.engine.graph.DynamicPrompt;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeRegistry;

/** Finds the definition of a node of the live graph; an unknown class type is a run failure. */
final class NodeLookup {
    private final DynamicPrompt graph;
    private final NodeRegistry registry;

    NodeLookup(DynamicPrompt graph, NodeRegistry registry) {
        this.graph = graph;
        this.registry = registry;
    }

    NodeDefinition definition(String nodeId) {
        String classType = graph.require(nodeId).classType();
        return registry.find(classType)
                .orElseThrow(() -> new IllegalStateException("Node type " + classType + " of node " + nodeId + " does not exist"));
    }

    boolean isOutput(String nodeId) {
        return definition(nodeId).schema().outputNode();
    }

    boolean isAsync(String nodeId) {
        return definition(nodeId).schema().async();
    }
}
