package dev.easel.nodes;

import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeSchema;

/**
 * What every node with a fixed schema repeats: the schema given once, at construction, so a node
 * class holds its declaration and its {@code execute} and nothing else.
 */
public abstract class DeclaredNode implements NodeDefinition {
    private final NodeSchema schema;

    protected DeclaredNode(NodeSchema schema) {
        this.schema = schema;
    }

    @Override
    public final NodeSchema schema() {
        return schema;
    }
}
