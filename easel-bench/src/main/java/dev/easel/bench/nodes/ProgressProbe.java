package dev.easel.bench.nodes;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;

import java.util.concurrent.locks.LockSupport;

/**
 * Calls {@code progress(i, steps)} for i in 0..steps-1, stamping the time of each call just
 * before it, and pausing {@code interval_us} between calls so each tick crosses an idle server.
 */
public final class ProgressProbe implements NodeDefinition {
    private static final NodeSchema SCHEMA = NodeSchema.builder("BenchProgressProbe").category("bench")
            .required("steps", "INT", "default", 100, "min", 1, "max", 1_000_000)
            .required("interval_us", "INT", "default", 1000, "min", 0, "max", 1_000_000)
            .required("seed", "INT", "default", 0, "min", 0)
            .outputNode()
            .build();

    private final ProgressStamps stamps;

    public ProgressProbe(ProgressStamps stamps) {
        this.stamps = stamps;
    }

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        int steps = inputs.getInt("steps");
        long pause = inputs.getLong("interval_us") * 1_000;
        for (int i = 0; i < steps; i++) {
            if (pause > 0) LockSupport.parkNanos(pause);
            stamps.mark(i);
            ctx.progress(i, steps);
        }
        return NodeResult.of();
    }
}
