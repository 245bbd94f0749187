package dev.easel.testingnodes.async;

import dev.easel.engine.graph.GraphBuilder;
import dev.easel.engine.node.HiddenInput;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;

/** An output node that expands into three {@link TestSleep}s averaged together. */
public final class TestParallelSleep implements NodeDefinition {
    private static final NodeSchema SCHEMA = buildSchema();

    private static NodeSchema buildSchema() {
        NodeSchema.Builder b = TestingPackSchema.builder("TestParallelSleep")
                .displayName("Test Parallel Sleep").category(AsyncTests.FOR_TESTING).outputNode();
        for (int i = 1; i <= 3; i++) b.required("image" + i, "IMAGE");
        for (int i = 1; i <= 3; i++) {
            b.required("sleep" + i, "FLOAT", "default", 0.5, "min", 0.0, "max", 10.0, "step", 0.01);
        }
        return b.hidden("unique_id", HiddenInput.UNIQUE_ID).output("IMAGE").build();
    }

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        GraphBuilder graph = ctx.newGraph();
        GraphBuilder.NodeBuilder[] sleeps = new GraphBuilder.NodeBuilder[3];
        for (int i = 0; i < 3; i++) {
            sleeps[i] = graph.node("TestSleep")
                    .set("value", inputs.get("image" + (i + 1)))
                    .set("seconds", inputs.get("sleep" + (i + 1)));
        }
        GraphBuilder.NodeBuilder average = graph.node("TestVariadicAverage");
        for (int i = 0; i < 3; i++) average.set("input" + (i + 1), sleeps[i].out(0));
        return NodeResult.expand(graph.build(), average.out(0));
    }
}
