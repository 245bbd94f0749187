package dev.easel.tensor.png;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.zip.Deflater;

/**
 * Reuses {@link Deflater}s per compression level. A deflater holds native buffers that are
 * costly to set up for every frame; a pool (rather than a thread-local) suits virtual threads,
 * which are many and short-lived.
 */
final class DeflaterPool {
    private static final int KEEP_PER_LEVEL = 8;
    @SuppressWarnings("unchecked")
    private static final ConcurrentLinkedDeque<Deflater>[] POOLS = new ConcurrentLinkedDeque[10];

    static {
        for (int i = 0; i < POOLS.length; i++) POOLS[i] = new ConcurrentLinkedDeque<>();
    }

    private DeflaterPool() {}

    static Deflater take(int level) {
        Deflater deflater = POOLS[level].pollFirst();
        return deflater != null ? deflater : new Deflater(level);
    }

    static void give(int level, Deflater deflater) {
        deflater.reset();
        if (POOLS[level].size() < KEEP_PER_LEVEL) {
            POOLS[level].offerFirst(deflater);
        } else {
            deflater.end();
        }
    }
}
