package dev.easel.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** What a test client received, in arrival order: items still waiting and those already read. */
final class Inbox<T> {
    private final BlockingQueue<T> waiting = new LinkedBlockingQueue<>();
    private final List<T> read = new ArrayList<>();
    private final String what;

    Inbox(String what) {
        this.what = what;
    }

    void add(T item) {
        waiting.add(item);
    }

    /** The next item within {@code limit}, counted as read; null when none came. */
    T poll(Duration limit) {
        try {
            T item = waiting.poll(limit.toNanos(), TimeUnit.NANOSECONDS);
            if (item != null) read.add(item);
            return item;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The next item, or an assertion failure naming what was seen. */
    T next(Duration limit) {
        T item = poll(limit);
        if (item == null) throw new AssertionError("no " + what + " within " + limit + "; seen so far: " + read);
        return item;
    }

    /** Everything so far; the waiting items count as read from now on. */
    List<T> received() {
        waiting.drainTo(read);
        return List.copyOf(read);
    }

    String describeRead() {
        return read.toString();
    }
}
