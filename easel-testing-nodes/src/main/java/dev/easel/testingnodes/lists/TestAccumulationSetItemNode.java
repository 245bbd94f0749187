package dev.easel.testingnodes.lists;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;

/** A copy with the item at {@code index} replaced; negative indexes count from the end. */
public final class TestAccumulationSetItemNode implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestAccumulationSetItemNode")
            .displayName("Accumulation Set Item").category(Accumulation.CATEGORY)
            .required("accumulation", Accumulation.TYPE)
            .required("index", "INT", "default", 0, "step", 1)
            .required("value", "*")
            .output(Accumulation.TYPE).build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        Accumulation accumulation = inputs.get("accumulation", Accumulation.class);
        return NodeResult.of(accumulation.with(inputs.getLong("index"), inputs.get("value")));
    }
}
