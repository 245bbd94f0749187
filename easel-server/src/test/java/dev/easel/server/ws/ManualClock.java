package dev.easel.server.ws;

import java.time.Duration;
import java.util.PriorityQueue;

/** Virtual time for heartbeats: nothing happens until the test advances it, then due tasks run in order on its thread. */
final class ManualClock implements HeartbeatClock {
    private record Task(long due, long order, Runnable body) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>(
            (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.order, b.order));
    private long now;
    private long scheduled;

    @Override
    public synchronized long nanos() {
        return now;
    }

    @Override
    public synchronized void schedule(Duration delay, Runnable task) {
        tasks.add(new Task(now + delay.toNanos(), scheduled++, task));
    }

    /** Moves time forward by {@code step}, running every task that falls due on the way at its own moment. */
    void advance(Duration step) {
        long end;
        synchronized (this) {
            end = now + step.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.due > end) {
                    now = end;
                    return;
                }
                tasks.poll();
                now = next.due;
            }
            next.body.run();
        }
    }
}
