package dev.easel.testingnodes.logic;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.tensor.Tensor;
import dev.easel.testingnodes.TestingPackSchema;
import dev.easel.testingnodes.python.PythonTruth;

/**
 * Any value as a boolean: a tensor is false only when every element is zero; everything else
 * follows Python's truthiness. The for-loop uses it to stop when the count reaches zero.
 */
public final class TestToBoolNode implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestToBoolNode")
            .displayName("To Bool").category(Logic.CATEGORY)
            .required("value", "*")
            .optional("invert", "BOOLEAN", "default", false)
            .output("BOOLEAN").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        Object value = inputs.get("value");
        boolean result = value instanceof Tensor tensor ? !tensor.allEqual(0f) : PythonTruth.of(value);
        if (PythonTruth.of(inputs.get("invert"))) result = !result;
        return NodeResult.of(result);
    }
}
