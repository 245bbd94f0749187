package dev.easel.testingnodes.async;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.testingnodes.stubs.Fill;

/** A node whose validation waits before deciding; the image it makes is {@code value / 10}. */
public final class TestAsyncValidation extends ThresholdNode {
    public TestAsyncValidation() {
        super("TestAsyncValidation", "Test Async Validation", "threshold",
                (value, limit) -> "Value " + value + " exceeds threshold " + limit);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(Fill.image512(inputs.getDouble("value") / 10.0));
    }
}
