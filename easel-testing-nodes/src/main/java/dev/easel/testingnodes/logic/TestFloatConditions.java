package dev.easel.testingnodes.logic;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;

/** Compares two FLOAT values with one of {@code == != < > <= >=}. */
public final class TestFloatConditions implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestFloatConditions")
            .displayName("Float Condition").category(Logic.CATEGORY)
            .required("a", "FLOAT", "default", 0, "min", -999999999999.0, "max", 999999999999.0, "step", 1)
            .required("b", "FLOAT", "default", 0, "min", -999999999999.0, "max", 999999999999.0, "step", 1)
            .requiredCombo("operation", Logic.wireNames(Comparison.class, Comparison::symbol))
            .output("BOOLEAN").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        Comparison comparison = Comparison.of(inputs.getString("operation"));
        return NodeResult.of(comparison.test(inputs.get("a", Number.class), inputs.get("b", Number.class)));
    }
}
