package dev.easel.testingnodes.lists;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;

/** Splits off the last item: (rest, last), or (None, the accumulation) when it is empty. */
public final class TestAccumulationTailNode implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestAccumulationTailNode")
            .displayName("Accumulation Tail").category(Accumulation.CATEGORY)
            .required("accumulation", Accumulation.TYPE)
            .output(Accumulation.TYPE).output("*").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        Accumulation accumulation = inputs.get("accumulation", Accumulation.class);
        int size = accumulation.items().size();
        if (size == 0) return NodeResult.of(null, accumulation);
        return NodeResult.of(accumulation.slice(0, size - 1), accumulation.items().getLast());
    }
}
