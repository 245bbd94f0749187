package dev.easel.testingnodes.async;

import dev.easel.engine.node.CustomValidation;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;

import java.util.Optional;

/**
 * The async-validation nodes: a FLOAT {@code value} (default 5) held against a FLOAT limit (default 10)
 * by the slow {@link ThresholdCheck}. They differ in the limit's name, the message and the image made.
 */
abstract sealed class ThresholdNode implements NodeDefinition permits TestAsyncValidation, TestAsyncValidationError {
    private final NodeSchema schema;
    private final CustomValidation validation;

    ThresholdNode(String classType, String displayName, String limitInput, ThresholdCheck.Message message) {
        this.schema = TestingPackSchema.builder(classType)
                .displayName(displayName).category(AsyncTests.CATEGORY)
                .required("value", "FLOAT", "default", 5.0)
                .required(limitInput, "FLOAT", "default", 10.0)
                .output("IMAGE").build();
        this.validation = ThresholdCheck.of("value", limitInput, message);
    }

    @Override
    public final NodeSchema schema() {
        return schema;
    }

    @Override
    public final Optional<CustomValidation> customValidation() {
        return Optional.of(validation);
    }
}
