package dev.easel.testingnodes.specific;

import dev.easel.engine.node.CustomValidation;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;
import dev.easel.testingnodes.stubs.Fill;

import java.util.Optional;
import java.util.Set;

/**
 * FLOAT inputs bounded to 0..1 whose validation takes every input ({@code **kwargs}), which
 * switches the built-in min/max checks off: 5.0 passes, and only {@code input2 == 7} fails.
 */
public final class TestCustomValidation5 implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestCustomValidation5")
            .displayName("Custom Validation 5").category(SpecificTests.CATEGORY)
            .required("input1", "FLOAT", "min", 0.0, "max", 1.0)
            .required("input2", "FLOAT", "min", 0.0, "max", 1.0)
            .output("IMAGE").build();

    private static final CustomValidation VALIDATION = new CustomValidation(Set.of(), false, true,
            (values, types, files) -> values.get("input2") instanceof Number n && n.doubleValue() == 7.0
                    ? Optional.of("7s are not allowed. I've never liked 7s.")
                    : Optional.empty());

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
        double value = inputs.getDouble("input1") * inputs.getDouble("input2");
        return NodeResult.of(Fill.white512().mul((float) value));
    }
}
