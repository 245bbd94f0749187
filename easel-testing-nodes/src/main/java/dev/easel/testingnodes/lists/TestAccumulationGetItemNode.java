package dev.easel.testingnodes.lists;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;

/** The item at {@code index}; negative indexes count from the end. */
public final class TestAccumulationGetItemNode implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestAccumulationGetItemNode")
            .displayName("Accumulation Get Item").category(Accumulation.CATEGORY)
            .required("accumulation", Accumulation.TYPE)
            .required("index", "INT", "default", 0, "step", 1)
            .output("*").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(inputs.get("accumulation", Accumulation.class).get(inputs.getLong("index")));
    }
}
