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

/** A node whose slow validation fails when {@code value > max_value}; else an image of their ratio. */
public final class TestAsyncValidationError implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestAsyncValidationError")
            .displayName("Test Async Validation Error").category(AsyncTests.CATEGORY)
            .required("value", "FLOAT", "default", 5.0)
            .required("max_value", "FLOAT", "default", 10.0)
            .output("IMAGE").build();

    private static final CustomValidation VALIDATION = ThresholdCheck.of("value", "max_value",
            (value, limit) -> "Async validation failed: " + value + " > " + limit);

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
        return NodeResult.of(Fill.image512(ThresholdCheck.ratio(inputs, "value", "max_value")));
    }
}
