package dev.easel.testingnodes.specific;

import dev.easel.engine.node.CustomValidation;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Like {@link TestCustomValidation1}, but its validation also asks for the received link types,
 * which replaces the built-in link type check: each linked type must be exactly IMAGE or FLOAT.
 */
public final class TestCustomValidation2 implements NodeDefinition {
    private static final NodeSchema SCHEMA =
            ImageOrFloat.schema("TestCustomValidation2", "Custom Validation 2").build();

    private static final CustomValidation VALIDATION = new CustomValidation(
            Set.of("input1", "input2"), true, false, (values, types, files) -> check(values, types));

    @Override
    public Optional<CustomValidation> customValidation() {
        return Optional.of(VALIDATION);
    }

    private static Optional<String> check(Inputs values, Map<String, String> inputTypes) {
        Optional<String> invalid = ImageOrFloat.checkValues(values);
        if (invalid.isPresent()) return invalid;
        for (String name : new String[] {"input1", "input2"}) {
            String type = inputTypes.get(name);
            if (type != null && !type.equals("IMAGE") && !type.equals("FLOAT")) {
                return Optional.of("Invalid type of " + name + ": " + type);
            }
        }
        return Optional.empty();
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
