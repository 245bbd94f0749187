package dev.easel.testingnodes.lists;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;

/** Collects a whole list input (it takes lists) into one accumulation. */
public final class TestListToAccumulationNode implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestListToAccumulationNode")
            .displayName("List to Accumulation").category(Accumulation.CATEGORY)
            .inputIsList()
            .required("list", "*")
            .output(Accumulation.TYPE).build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(new Accumulation(inputs.list("list")));
    }
}
