package dev.easel.testingnodes.async;

import dev.easel.engine.node.NodeContext;

/**
 * Sleeps the way the async nodes await: blocking a virtual thread, in short slices so that an
 * interrupt of the run stops the node within a tick instead of after the whole delay.
 */
final class Pause {
    private Pause() {}

    static void seconds(NodeContext ctx, double seconds) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            ctx.checkInterrupted();
            Thread.sleep(Math.min(AsyncTests.TICK_MILLIS, Math.max(1, left / 1_000_000)));
        }
        ctx.checkInterrupted();
    }

    static double elapsedSeconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
