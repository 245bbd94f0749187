package dev.easel.testingnodes.specific;

import dev.easel.engine.node.CustomValidation;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;
import dev.easel.testingnodes.python.PythonText;
import dev.easel.testingnodes.stubs.Fill;

import java.util.Optional;
import java.util.Set;

/**
 * Two FLOAT inputs whose validation requires floats. It does not ask for input types, so linked
 * inputs still go through the built-in link check: an INT output into it is refused.
 */
public final class TestCustomValidation4 implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestCustomValidation4")
            .displayName("Custom Validation 4").category(SpecificTests.CATEGORY)
            .required("input1", "FLOAT")
            .required("input2", "FLOAT")
            .output("IMAGE").build();

    private static final CustomValidation VALIDATION = new CustomValidation(
            Set.of("input1", "input2"), false, false, (values, types, files) -> requireFloats(values));

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
        return NodeResult.of(Fill.white512()
                .mul((float) inputs.getDouble("input1"))
                .mul((float) inputs.getDouble("input2")));
    }

    private static Optional<String> requireFloats(Inputs values) {
        for (String name : new String[] {"input1", "input2"}) {
            Object value = values.get(name);
            if (value != null && !(value instanceof Double)) {
                return Optional.of("Invalid type of " + name + ": " + PythonText.typeOf(value));
            }
        }
        return Optional.empty();
    }
}
