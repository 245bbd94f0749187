package dev.easel.bench.nodes;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;

/** The head of a chain of trivial nodes: outputs 0. */
public final class ChainStart implements NodeDefinition {
    public static final String TYPE = "BENCH_COUNT";
    private static final NodeSchema SCHEMA = NodeSchema.builder("BenchChainStart").category("bench").output(TYPE).build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(0L);
    }
}
