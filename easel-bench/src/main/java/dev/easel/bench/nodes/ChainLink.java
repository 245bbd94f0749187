package dev.easel.bench.nodes;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;

/** A trivial node: adds one to its input, so the chain's end value proves every link ran. */
public final class ChainLink implements NodeDefinition {
    private static final NodeSchema SCHEMA = NodeSchema.builder("BenchChainLink").category("bench")
            .required("value", ChainStart.TYPE)
            .output(ChainStart.TYPE)
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(inputs.getLong("value") + 1);
    }
}
