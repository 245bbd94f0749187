package dev.easel.server.logs;

import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * The server's recent log output, as ComfyUI keeps it for its front end's terminal: the last
 * {@value #CAPACITY} entries, each the text written and the local time it was written, plus
 * the entries not yet handed to log subscribers. Appending never blocks on anything but this
 * buffer's own short lock, so any thread may log.
 */
public final class LogBuffer {
    public static final int CAPACITY = 1000;

    /** One write to the log: when (local time, as Python's {@code datetime.now()}) and what. */
    public record Entry(LocalDateTime time, String message) {}

    private final ArrayDeque<Entry> recent = new ArrayDeque<>();
    private final List<Entry> unsent = new ArrayList<>();
    private final Semaphore written = new Semaphore(0);

    public void append(Entry entry) {
        synchronized (this) {
            if (recent.size() == CAPACITY) recent.removeFirst();
            recent.addLast(entry);
            if (unsent.size() < CAPACITY) unsent.add(entry);
        }
        written.release();
    }

    public synchronized List<Entry> recent() {
        return List.copyOf(recent);
    }

    /** Waits until something was written since the last call, then returns all of it. */
    List<Entry> takeUnsent() throws InterruptedException {
        written.acquire();
        written.drainPermits();
        synchronized (this) {
            List<Entry> out = List.copyOf(unsent);
            unsent.clear();
            return out;
        }
    }
}
