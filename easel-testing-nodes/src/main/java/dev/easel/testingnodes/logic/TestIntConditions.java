package dev.easel.testingnodes.logic;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;
import dev.easel.testingnodes.python.PythonInts;

/** Compares two INT values with one of {@code == != < > <= >=}. */
public final class TestIntConditions implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestIntConditions")
            .displayName("Int Condition").category(Logic.CATEGORY)
            .required("a", "INT", "default", 0, "min", PythonInts.U64_MIN, "max", PythonInts.U64_MAX, "step", 1)
            .required("b", "INT", "default", 0, "min", PythonInts.U64_MIN, "max", PythonInts.U64_MAX, "step", 1)
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
