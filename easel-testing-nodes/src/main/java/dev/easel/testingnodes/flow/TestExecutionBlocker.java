package dev.easel.testingnodes.flow;

import dev.easel.engine.node.ExecutionBlocker;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;
import dev.easel.testingnodes.python.PythonTruth;

/**
 * Passes its input on, or blocks every consumer when {@code block} is set: with a message when
 * {@code verbose}, silently otherwise.
 */
public final class TestExecutionBlocker implements NodeDefinition {
    static final String MESSAGE = "Blocked Execution";

    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestExecutionBlocker")
            .displayName("Execution Blocker").category(FlowSockets.CATEGORY)
            .required("input", "*")
            .required("block", "BOOLEAN")
            .required("verbose", "BOOLEAN", "default", false)
            .output("*", "output").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        if (PythonTruth.of(inputs.get("block"))) {
            return NodeResult.of(PythonTruth.of(inputs.get("verbose"))
                    ? ExecutionBlocker.withMessage(MESSAGE) : ExecutionBlocker.SILENT);
        }
        return NodeResult.of(inputs.get("input"));
    }
}
