package dev.easel.server.sse;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;

/**
 * The latest events of one client, for a reconnect that names the last one it saw. Bounded in
 * bytes: over the bound, the oldest preview goes first, then the oldest ordinary message, and a
 * kept message (status, executed, a run's end) only when nothing else is left.
 */
final class ReplayBuffer {
    private final long maxBytes;
    private final LinkedList<SseEvent> events = new LinkedList<>();
    private long bytes;

    ReplayBuffer(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized void add(SseEvent event) {
        events.addLast(event);
        bytes += event.size();
        for (SseEvent.Weight weight : SseEvent.Weight.values()) {
            dropOldest(weight);
        }
    }

    /** Drops events of this weight, oldest first, while over the bound; never the newest event. */
    private void dropOldest(SseEvent.Weight weight) {
        Iterator<SseEvent> it = events.iterator();
        while (bytes > maxBytes && it.hasNext()) {
            SseEvent event = it.next();
            if (event.weight() == weight && event != events.getLast()) {
                it.remove();
                bytes -= event.size();
            }
        }
    }

    /** What is still held after {@code lastSeen}, oldest first. */
    synchronized List<SseEvent> after(long lastSeen) {
        List<SseEvent> missed = new ArrayList<>();
        for (SseEvent event : events) {
            if (event.id() > lastSeen) missed.add(event);
        }
        return missed;
    }
}
