package dev.easel.testingnodes.logic;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;
import dev.easel.testingnodes.python.PythonTruth;

import java.util.List;

/** {@code a AND b}, {@code a OR b}, {@code a XOR b} or {@code NOT a}. */
public final class TestBoolOperationNode implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestBoolOperationNode")
            .displayName("Bool Operation").category(Logic.CATEGORY)
            .required("a", "BOOLEAN")
            .required("b", "BOOLEAN")
            .requiredCombo("op", List.of("a AND b", "a OR b", "a XOR b", "NOT a"))
            .output("BOOLEAN").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        boolean a = PythonTruth.of(inputs.get("a"));
        boolean b = PythonTruth.of(inputs.get("b"));
        boolean result = switch (inputs.getString("op")) {
            case "a AND b" -> a && b;
            case "a OR b" -> a || b;
            case "a XOR b" -> a ^ b;
            case "NOT a" -> !a;
            default -> throw new IllegalArgumentException("unknown op " + inputs.getString("op"));
        };
        return NodeResult.of(result);
    }
}
