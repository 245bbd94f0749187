package dev.easel.testingnodes.specific;

import dev.easel.engine.node.CustomValidation;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;

import java.util.Optional;
import java.util.Set;

/**
 * Multiplies two images or floats. Its own validation takes both inputs, so a literal must be
 * a tensor or a float: {@code 5} is refused, {@code 5.0} accepted.
 */
public final class TestCustomValidation1 implements NodeDefinition {
    private static final NodeSchema SCHEMA =
            ImageOrFloat.schema("TestCustomValidation1", "Custom Validation 1").build();

    private static final CustomValidation VALIDATION = new CustomValidation(
            Set.of("input1", "input2"), false, false, (values, types, files) -> ImageOrFloat.checkValues(values));

    @Override
    public Optional<CustomValidation> customValidation() {
        return Optional.of(VALIDATION);
    }

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(ImageOrFloat.product(inputs.get("input1"), inputs.get("input2")));
    }
}
