package dev.easel.testingnodes.async;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;

/** Reports progress while it waits, as an async node. */
public final class TestAsyncProgressUpdate implements NodeDefinition {
    private static final NodeSchema SCHEMA = ProgressLoop
            .schema("TestAsyncProgressUpdate", "Async Progress Update Test Node").async().build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) throws InterruptedException {
        return ProgressLoop.run(ctx, inputs);
    }
}
