package dev.easel.testingnodes.async;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;
import dev.easel.testingnodes.python.PythonText;
import dev.easel.testingnodes.python.RuntimeError;

/**
 * An async operation of {@code operation_time} seconds bounded by {@code timeout}: it waits for
 * whichever is shorter and fails if the operation would have taken longer than allowed.
 */
public final class TestAsyncTimeout implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestAsyncTimeout")
            .displayName("Test Async Timeout").category(AsyncTests.CATEGORY).async()
            .required("value", "*")
            .required("timeout", "FLOAT", "default", 1.0, "min", 0.1, "max", 10.0)
            .required("operation_time", "FLOAT", "default", 2.0, "min", 0.1, "max", 10.0)
            .output("*").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) throws InterruptedException {
        double timeout = inputs.getDouble("timeout");
        double operation = inputs.getDouble("operation_time");
        Pause.seconds(ctx, Math.min(timeout, operation));
        if (operation > timeout) {
            throw new RuntimeError("Operation timed out after " + PythonText.str(inputs.get("timeout")) + " seconds");
        }
        return NodeResult.of(inputs.get("value"));
    }
}
