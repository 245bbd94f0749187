package dev.easel.server.hostile;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;

/** {@code TestPass}: returns its INT input, silently (long chains without a message per node). */
enum PassNode implements NodeDefinition {
    INSTANCE;

    private static final NodeSchema SCHEMA = NodeSchema.builder("TestPass").category("testing")
            .required("value", "INT").output("INT").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(inputs.get("value"));
    }
}
