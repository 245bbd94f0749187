package dev.easel.testingnodes.async;

import dev.easel.engine.node.CustomValidation;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;
import dev.easel.testingnodes.stubs.Fill;

import java.util.Optional;

/** A node whose validation waits before deciding; the image it makes is {@code value / 10}. */
public final class TestAsyncValidation implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestAsyncValidation")
            .displayName("Test Async Validation").category(AsyncTests.CATEGORY)
            .required("value", "FLOAT", "default", 5.0)
            .required("threshold", "FLOAT", "default", 10.0)
            .output("IMAGE").build();

    private static final CustomValidation VALIDATION = ThresholdCheck.of("value", "threshold",
            (value, limit) -> "Value " + value + " exceeds threshold " + limit);

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Optional<CustomValidation> customValidation() {
        return Optional.of(VALIDATION);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(Fill.image512(inputs.getDouble("value") / 10.0));
    }
}
