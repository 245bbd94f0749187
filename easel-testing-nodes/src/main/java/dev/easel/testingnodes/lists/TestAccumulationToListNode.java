package dev.easel.testingnodes.lists;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;

/** Turns the accumulation into a list output, so consumers run once per item. */
public final class TestAccumulationToListNode implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestAccumulationToListNode")
            .displayName("Accumulation to List").category(Accumulation.CATEGORY)
            .required("accumulation", Accumulation.TYPE)
            .listOutput("*", "*").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(inputs.get("accumulation", Accumulation.class).items());
    }
}
