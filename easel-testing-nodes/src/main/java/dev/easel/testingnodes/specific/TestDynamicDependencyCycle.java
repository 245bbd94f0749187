package dev.easel.testingnodes.specific;

import dev.easel.engine.graph.GraphBuilder;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;

/**
 * Expands into two mixers that feed each other. The cycle only exists at run time, so the engine
 * must report it as an execution error of this node rather than a validation error.
 */
public final class TestDynamicDependencyCycle implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestDynamicDependencyCycle")
            .displayName("Dynamic Dependency Cycle").category(SpecificTests.CATEGORY)
            .required("input1", "IMAGE")
            .required("input2", "IMAGE")
            .output("IMAGE").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        GraphBuilder graph = ctx.newGraph();
        GraphBuilder.NodeBuilder mask = graph.node("StubMask")
                .set("value", 0.5).set("height", 512L).set("width", 512L).set("batch_size", 1L);
        GraphBuilder.NodeBuilder mix1 = graph.node("TestLazyMixImages")
                .set("image1", inputs.get("input1")).set("mask", mask.out(0));
        GraphBuilder.NodeBuilder mix2 = graph.node("TestLazyMixImages")
                .set("image1", mix1.out(0)).set("image2", inputs.get("input2")).set("mask", mask.out(0));
        mix1.set("image2", mix2.out(0));
        return NodeResult.expand(graph.build(), mix2.out(0));
    }
}
