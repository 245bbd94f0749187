package dev.easel.testingnodes.async;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;

/** Reports progress while it waits, as a blocking node. */
public final class TestSyncProgressUpdate implements NodeDefinition {
    private static final NodeSchema SCHEMA = ProgressLoop
            .schema("TestSyncProgressUpdate", "Sync Progress Update Test Node").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) throws InterruptedException {
        return ProgressLoop.run(ctx, inputs);
    }
}
