package dev.easel.testingnodes.async;

import dev.easel.engine.graph.GraphBuilder;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;

/**
 * Expands into {@code num_async_nodes} {@link TestSleep}s, alternating the two images, averaged
 * by one TestVariadicAverage (a single sleep is returned as is).
 */
public final class TestDynamicAsyncGeneration implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestDynamicAsyncGeneration")
            .displayName("Test Dynamic Async Generation").category(AsyncTests.CATEGORY)
            .required("image1", "IMAGE")
            .required("image2", "IMAGE")
            .required("num_async_nodes", "INT", "default", 3, "min", 1, "max", 10)
            .required("sleep_duration", "FLOAT", "default", 0.2, "min", 0.1, "max", 1.0)
            .output("IMAGE").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        int count = inputs.getInt("num_async_nodes");
        GraphBuilder graph = ctx.newGraph();
        GraphBuilder.NodeBuilder[] sleeps = new GraphBuilder.NodeBuilder[count];
        for (int i = 0; i < count; i++) {
            sleeps[i] = graph.node("TestSleep")
                    .set("value", inputs.get(i % 2 == 0 ? "image1" : "image2"))
                    .set("seconds", inputs.get("sleep_duration"));
        }
        if (count == 1) return NodeResult.expand(graph.build(), sleeps[0].out(0));
        GraphBuilder.NodeBuilder average = graph.node("TestVariadicAverage");
        for (int i = 0; i < count; i++) average.set("input" + (i + 1), sleeps[i].out(0));
        return NodeResult.expand(graph.build(), average.out(0));
    }
}
