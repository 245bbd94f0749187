package dev.easel.bench.nodes;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;

import java.util.List;

/** The output node at the end of a chain: shows the count it received as UI {@code {"count": [n]}}. */
public final class ChainEnd implements NodeDefinition {
    private static final NodeSchema SCHEMA = NodeSchema.builder("BenchChainEnd").category("bench")
            .required("value", ChainStart.TYPE)
            .outputNode()
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of().withUi("count", List.of(inputs.getLong("value")));
    }
}
