package dev.easel.testingnodes.lists;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;

/** The number of items. */
public final class TestAccumulationGetLengthNode implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestAccumulationGetLengthNode")
            .displayName("Accumulation Get Length").category(Accumulation.CATEGORY)
            .required("accumulation", Accumulation.TYPE)
            .output("INT").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of((long) inputs.get("accumulation", Accumulation.class).items().size());
    }
}
