package dev.easel.testingnodes.async;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;

/**
 * The body shared by the progress-update nodes: for {@code sleep_seconds}, report the fraction
 * done (max 1.0) every tick, then return the value.
 */
final class ProgressLoop {
    private ProgressLoop() {}

    static NodeSchema.Builder schema(String classType, String displayName) {
        return TestingPackSchema.builder(classType).displayName(displayName).category(AsyncTests.CATEGORY)
                .required("value", "*")
                .required("sleep_seconds", "FLOAT", "default", 1.0)
                .output("*");
    }

    static NodeResult run(NodeContext ctx, Inputs inputs) throws InterruptedException {
        double total = inputs.getDouble("sleep_seconds");
        long start = System.nanoTime();
        double elapsed = 0;
        while (elapsed < total) {
            elapsed = Pause.elapsedSeconds(start);
            ctx.progress(Math.min(elapsed / total, 1.0), 1.0);
            Thread.sleep(AsyncTests.TICK_MILLIS);
        }
        return NodeResult.of(inputs.get("value"));
    }
}
