package dev.easel.testingnodes.async;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;
import dev.easel.testingnodes.python.RuntimeError;

/** A blocking node that fails at once, for prompts that mix failing sync and async nodes. */
public final class TestSyncError implements NodeDefinition {
    static final String MESSAGE = "Intentional sync execution error for testing";

    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestSyncError")
            .displayName("Test Sync Error").category(AsyncTests.CATEGORY)
            .required("value", "*")
            .output("*").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        throw new RuntimeError(MESSAGE);
    }
}
