package dev.easel.bench.nodes;

import java.util.Arrays;

/**
 * The {@link System#nanoTime()} at which each model call of the current prompt returned, written
 * by {@code BenchStampedModel} on the sampling thread and read by a client in the same JVM (the
 * same clock on both ends). One prompt is measured at a time.
 */
public final class ModelCallStamps {
    private long[] stamps = new long[64];
    private int count;

    /** Forgets the stamps of the previous prompt. */
    public synchronized void arm() {
        count = 0;
    }

    synchronized void mark() {
        if (count == stamps.length) stamps = Arrays.copyOf(stamps, count * 2);
        stamps[count++] = System.nanoTime();
    }

    /** The stamps since {@link #arm()}, in call order. */
    public synchronized long[] stamps() {
        return Arrays.copyOf(stamps, count);
    }
}
