package dev.easel.testingnodes.async;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;
import dev.easel.testingnodes.python.RuntimeError;

/** An async node that fails after {@code error_after} seconds. */
public final class TestAsyncError implements NodeDefinition {
    static final String MESSAGE = "Intentional async execution error for testing";

    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestAsyncError")
            .displayName("Test Async Error").category(AsyncTests.CATEGORY).async()
            .required("value", "*")
            .required("error_after", "FLOAT", "default", 0.1, "min", 0.0, "max", 10.0)
            .output("*").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) throws InterruptedException {
        Pause.seconds(ctx, inputs.getDouble("error_after"));
        throw new RuntimeError(MESSAGE);
    }
}
