package dev.easel.server.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/** The process-lifetime store: a priority queue and an insertion-ordered, capped history. */
public final class InMemoryJobStore implements JobStore {
    public static final int MAX_HISTORY = 10_000;

    private final Object lock = new Object();
    private final PriorityQueue<QueueItem> queue = new PriorityQueue<>(QueueItem.ORDER);
    private final LinkedHashMap<String, HistoryEntry> history = new LinkedHashMap<>();
    private final int maxHistory;
    private QueueItem running;

    public InMemoryJobStore() {
        this(MAX_HISTORY);
    }

    InMemoryJobStore(int maxHistory) {
        this.maxHistory = maxHistory;
    }

    @Override
    public void enqueue(QueueItem item) {
        synchronized (lock) {
            queue.add(item);
            lock.notifyAll();
        }
    }

    @Override
    public Optional<QueueItem> takeNext(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (lock) {
            while (queue.isEmpty() || running != null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return Optional.empty();
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            running = queue.poll();
            return Optional.of(running);
        }
    }

    @Override
    public void finish(HistoryEntry entry) {
        synchronized (lock) {
            if (history.size() >= maxHistory && !history.containsKey(entry.item().promptId())) {
                Iterator<String> oldest = history.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            history.put(entry.item().promptId(), entry);
            if (running != null && running.promptId().equals(entry.item().promptId())) running = null;
            lock.notifyAll();
        }
    }

    @Override
    public Optional<QueueItem> running() {
        synchronized (lock) {
            return Optional.ofNullable(running);
        }
    }

    @Override
    public List<QueueItem> pending() {
        synchronized (lock) {
            List<QueueItem> items = new ArrayList<>(queue);
            items.sort(QueueItem.ORDER);
            return items;
        }
    }

    @Override
    public int remaining() {
        synchronized (lock) {
            return queue.size() + (running == null ? 0 : 1);
        }
    }

    @Override
    public boolean deletePending(String promptId) {
        synchronized (lock) {
            return queue.removeIf(item -> item.promptId().equals(promptId));
        }
    }

    @Override
    public int clearPending() {
        synchronized (lock) {
            int size = queue.size();
            queue.clear();
            return size;
        }
    }

    @Override
    public Optional<HistoryEntry> history(String promptId) {
        synchronized (lock) {
            return Optional.ofNullable(history.get(promptId));
        }
    }

    @Override
    public LinkedHashMap<String, HistoryEntry> history(OptionalInt maxItems, OptionalInt offset) {
        synchronized (lock) {
            int start = offset.orElse(-1);
            if (start < 0 && maxItems.isPresent()) start = history.size() - maxItems.getAsInt();
            LinkedHashMap<String, HistoryEntry> page = new LinkedHashMap<>();
            int index = 0;
            for (var entry : history.entrySet()) {
                if (maxItems.isPresent() && page.size() >= maxItems.getAsInt()) break;
                if (index++ >= start) page.put(entry.getKey(), entry.getValue());
            }
            return page;
        }
    }

    @Override
    public List<HistoryEntry> allHistory() {
        synchronized (lock) {
            return List.copyOf(history.values());
        }
    }

    @Override
    public void deleteHistory(String promptId) {
        synchronized (lock) {
            history.remove(promptId);
        }
    }

    @Override
    public void clearHistory() {
        synchronized (lock) {
            history.clear();
        }
    }
}
