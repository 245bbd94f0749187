package dev.easel.testingnodes.async;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;

import java.util.concurrent.Semaphore;

/** Sleeps {@code duration} and returns its input, with at most two executions at once process-wide. */
public final class TestAsyncConcurrentLimit implements NodeDefinition {
    static final Semaphore PERMITS = new Semaphore(2);

    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestAsyncConcurrentLimit")
            .displayName("Test Async Concurrent Limit").category(AsyncTests.CATEGORY).async()
            .required("value", "*")
            .required("duration", "FLOAT", "default", 0.5, "min", 0.1, "max", 2.0)
            .required("node_id", "INT", "default", 0)
            .output("*").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) throws InterruptedException {
        PERMITS.acquire();
        try {
            Pause.seconds(ctx, inputs.getDouble("duration"));
            return NodeResult.of(inputs.get("value"));
        } finally {
            PERMITS.release();
        }
    }
}
