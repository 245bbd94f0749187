package dev.easel.testingnodes.specific;

import dev.easel.engine.graph.GraphBuilder;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;
import dev.easel.testingnodes.stubs.Fill;

/**
 * Returns plain values for small inputs and an expansion otherwise, in which case one result
 * is a link into the expansion and the other a concrete image.
 */
public final class TestMixedExpansionReturns implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestMixedExpansionReturns")
            .displayName("Mixed Expansion Returns").category(SpecificTests.CATEGORY)
            .required("input1", "FLOAT")
            .output("IMAGE").output("IMAGE").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        double input = inputs.getDouble("input1");
        if (input <= 0.1) return NodeResult.of(Fill.image512(0.1), Fill.white512());
        if (input <= 0.2) return NodeResult.of(Fill.image512(0.2), Fill.white512());
        GraphBuilder graph = ctx.newGraph();
        GraphBuilder.NodeBuilder mask = stub(graph.node("StubMask").set("value", 0.3));
        GraphBuilder.NodeBuilder black = stub(graph.node("StubImage").set("content", "BLACK"));
        GraphBuilder.NodeBuilder white = stub(graph.node("StubImage").set("content", "WHITE"));
        GraphBuilder.NodeBuilder mix = graph.node("TestLazyMixImages")
                .set("image1", black.out(0)).set("image2", white.out(0)).set("mask", mask.out(0));
        return NodeResult.expand(graph.build(), mix.out(0), Fill.white512());
    }

    private static GraphBuilder.NodeBuilder stub(GraphBuilder.NodeBuilder node) {
        return node.set("height", 512L).set("width", 512L).set("batch_size", 1L);
    }
}
