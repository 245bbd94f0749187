package dev.easel.testingnodes.logic;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;
import dev.easel.testingnodes.python.PythonInts;

/** {@code a <operation> b} on integers, with Python's rounding rules. The for-loop counts with it. */
public final class TestIntMathOperation implements NodeDefinition {
    private static final NodeSchema SCHEMA = Logic.intOperands(TestingPackSchema.builder("TestIntMathOperation")
            .displayName("Int Math Operation").category(Logic.CATEGORY))
            .requiredCombo("operation", Logic.wireNames(IntOperation.class, IntOperation::wireName))
            .output("INT").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        IntOperation operation = IntOperation.of(inputs.getString("operation"));
        long a = PythonInts.toLong(inputs.get("a"), "a");
        long b = PythonInts.toLong(inputs.get("b"), "b");
        return NodeResult.of(operation.apply(a, b));
    }
}
