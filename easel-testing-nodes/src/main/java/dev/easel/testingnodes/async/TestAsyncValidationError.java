package dev.easel.testingnodes.async;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.testingnodes.stubs.Fill;

/** A node whose slow validation fails when {@code value > max_value}; else an image of their ratio. */
public final class TestAsyncValidationError extends ThresholdNode {
    public TestAsyncValidationError() {
        super("TestAsyncValidationError", "Test Async Validation Error", "max_value",
                (value, limit) -> "Async validation failed: " + value + " > " + limit);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(Fill.image512(ThresholdCheck.ratio(inputs, "value", "max_value")));
    }
}
