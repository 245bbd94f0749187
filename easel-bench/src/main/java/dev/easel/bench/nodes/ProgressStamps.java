package dev.easel.bench.nodes;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The {@link System#nanoTime()} of each progress call of the current probe run, shared between
 * the probe node and a client in the same JVM (the same clock on both ends).
 */
public final class ProgressStamps {
    private volatile AtomicLongArray stamps = new AtomicLongArray(0);

    /** Starts a new run of {@code steps} calls; earlier stamps are forgotten. */
    public void arm(int steps) {
        stamps = new AtomicLongArray(steps);
    }

    void mark(int step) {
        stamps.set(step, System.nanoTime());
    }

    /** The stamp of one step, or 0 if the probe has not reached it. */
    public long stampOf(int step) {
        AtomicLongArray current = stamps;
        return step >= 0 && step < current.length() ? current.get(step) : 0;
    }
}
