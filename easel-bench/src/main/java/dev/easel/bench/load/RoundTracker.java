package dev.easel.bench.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The prompts of one round still in flight: a permit is taken when a prompt is posted and given
 * back when its {@code executing {node: null}} arrives (or its POST fails).
 */
final class RoundTracker {
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final Semaphore permits;
    private final CountDownLatch done;
    private final long[] latencies;
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile long lastFinish;

    RoundTracker(int prompts, int inFlight) {
        this.permits = new Semaphore(inFlight);
        this.done = new CountDownLatch(prompts);
        this.latencies = new long[prompts];
    }

    Semaphore permits() {
        return permits;
    }

    CountDownLatch done() {
        return done;
    }

    void posted(String promptId, long nanos) {
        started.put(promptId, nanos);
    }

    void finished(String promptId, long nanos) {
        Long start = started.remove(promptId);
        if (start == null) return;
        int slot = completed.getAndIncrement();
        latencies[slot] = nanos - start;
        lastFinish = nanos;
        permits.release();
        done.countDown();
    }

    void rejected(String promptId) {
        if (started.remove(promptId) == null) return;
        failed.incrementAndGet();
        permits.release();
        done.countDown();
    }

    int completed() {
        return completed.get();
    }

    int failed() {
        return failed.get();
    }

    long lastFinish() {
        return lastFinish;
    }

    /** Latencies of the prompts completed so far, in nanoseconds. */
    long[] latencies() {
        return java.util.Arrays.copyOf(latencies, Math.min(completed.get(), latencies.length));
    }
}
