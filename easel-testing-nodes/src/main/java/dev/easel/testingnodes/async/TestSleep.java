package dev.easel.testingnodes.async;

import dev.easel.engine.node.HiddenInput;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;

/**
 * An async node that waits {@code seconds}, reporting elapsed time as progress every tick, and
 * returns its input. Several of them in one prompt run at the same time.
 */
public final class TestSleep implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestSleep")
            .displayName("Test Sleep").category(AsyncTests.FOR_TESTING).async()
            .required("value", "*")
            .required("seconds", "FLOAT", "default", 1.0, "min", 0.0, "max", 9999.0, "step", 0.01,
                    "tooltip", "The amount of seconds to sleep.")
            .hidden("unique_id", HiddenInput.UNIQUE_ID)
            .output("*").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) throws InterruptedException {
        double seconds = inputs.getDouble("seconds");
        long start = System.nanoTime();
        double elapsed = 0;
        while (elapsed < seconds) {
            elapsed = Pause.elapsedSeconds(start);
            ctx.progress(Math.min(elapsed, seconds), seconds);
            ctx.checkInterrupted();
            Thread.sleep(AsyncTests.TICK_MILLIS);
        }
        return NodeResult.of(inputs.get("value"));
    }
}
