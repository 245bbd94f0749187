package dev.easel.testingnodes.logic;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;

/** Compares two INT values with one of {@code == != < > <= >=}. */
public final class TestIntConditions implements NodeDefinition {
    private static final NodeSchema SCHEMA = Logic.intOperands(TestingPackSchema.builder("TestIntConditions")
            .displayName("Int Condition").category(Logic.CATEGORY))
            .requiredCombo("operation", Logic.wireNames(Comparison.class, Comparison::symbol))
            .output("BOOLEAN").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(Comparison.evaluate(inputs));
    }
}
