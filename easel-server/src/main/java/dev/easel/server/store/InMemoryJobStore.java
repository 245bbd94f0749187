package dev.easel.server.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The process-lifetime store ({@code --job-store memory}): a priority queue, the claims and an
 * insertion-ordered, capped history. Everything is lost when the process ends, so no claim can
 * outlive its holder.
 */
public final class InMemoryJobStore implements JobStore {
    public static final int MAX_HISTORY = 10_000;

    private final Object lock = new Object();
    private final PriorityQueue<QueueItem> queue = new PriorityQueue<>(QueueItem.ORDER);
    private final LinkedHashMap<String, HistoryEntry> history = new LinkedHashMap<>();
    private final LinkedHashMap<String, Claim> claims = new LinkedHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private final int maxHistory;

    public InMemoryJobStore() {
        this(MAX_HISTORY);
    }

    public InMemoryJobStore(int maxHistory) {
        this.maxHistory = maxHistory;
    }

    @Override
    public long nextNumber() {
        return counter.getAndIncrement();
    }

    @Override
    public void enqueue(QueueItem item) {
        synchronized (lock) {
            queue.add(item);
            lock.notifyAll();
        }
    }

    @Override
    public Optional<Claim> claim(String owner, Duration lease, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (lock) {
            while (queue.isEmpty() || claims.containsKey(owner)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return Optional.empty();
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            Claim claim = new Claim(queue.poll(), UUID.randomUUID().toString(), owner, Instant.now());
            claims.put(owner, claim);
            return Optional.of(claim);
        }
    }

    @Override
    public boolean renew(Claim claim, Duration lease) {
        synchronized (lock) {
            return claims.get(claim.owner()) == claim;
        }
    }

    @Override
    public boolean release(Claim claim) {
        synchronized (lock) {
            if (!claims.remove(claim.owner(), claim)) return false;
            queue.add(claim.item());
            lock.notifyAll();
            return true;
        }
    }

    @Override
    public boolean finish(Claim claim, HistoryEntry outcome) {
        synchronized (lock) {
            if (!claims.remove(claim.owner(), claim)) return false;
            String id = outcome.item().promptId();
            if (history.size() >= maxHistory && !history.containsKey(id)) {
                Iterator<String> oldest = history.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            history.put(id, outcome);
            lock.notifyAll();
            return true;
        }
    }

    @Override
    public List<String> failAbandoned(String reason) {
        return List.of();
    }

    @Override
    public List<QueueItem> running(OwnerFilter owners) {
        synchronized (lock) {
            return claims.values().stream().map(Claim::item).filter(owners::admits).toList();
        }
    }

    @Override
    public List<QueueItem> pending(OwnerFilter owners) {
        synchronized (lock) {
            List<QueueItem> items = new ArrayList<>(queue.stream().filter(owners::admits).toList());
            items.sort(QueueItem.ORDER);
            return items;
        }
    }

    @Override
    public int remaining() {
        synchronized (lock) {
            return queue.size() + claims.size();
        }
    }

    @Override
    public boolean deletePending(String promptId, OwnerFilter owners) {
        synchronized (lock) {
            return queue.removeIf(item -> item.promptId().equals(promptId) && owners.admits(item));
        }
    }

    @Override
    public int clearPending(OwnerFilter owners) {
        synchronized (lock) {
            int size = queue.size();
            queue.removeIf(owners::admits);
            return size - queue.size();
        }
    }

    @Override
    public Optional<HistoryEntry> history(String promptId, OwnerFilter owners) {
        synchronized (lock) {
            return Optional.ofNullable(history.get(promptId)).filter(entry -> owners.admits(entry.item()));
        }
    }

    @Override
    public LinkedHashMap<String, HistoryEntry> history(OptionalInt maxItems, OptionalInt offset, OwnerFilter owners) {
        synchronized (lock) {
            List<HistoryEntry> visible = history.values().stream().filter(entry -> owners.admits(entry.item())).toList();
            HistoryWindow window = HistoryWindow.of(visible.size(), maxItems, offset);
            LinkedHashMap<String, HistoryEntry> page = new LinkedHashMap<>();
            visible.stream().skip(window.start()).limit(window.limit())
                    .forEach(entry -> page.put(entry.item().promptId(), entry));
            return page;
        }
    }

    @Override
    public void deleteHistory(String promptId, OwnerFilter owners) {
        synchronized (lock) {
            history(promptId, owners).ifPresent(entry -> history.remove(promptId));
        }
    }

    @Override
    public void clearHistory(OwnerFilter owners) {
        synchronized (lock) {
            history.values().removeIf(entry -> owners.admits(entry.item()));
        }
    }

    @Override
    public JobPage jobs(JobQuery query) {
        return query.apply(gathered());
    }

    @Override
    public Optional<JobView> job(String promptId, OwnerFilter owners) {
        return gathered().stream().filter(j -> j.id().equals(promptId) && owners.admits(j.item())).findFirst();
    }

    /** ComfyUI's gathering order: running, pending in run order, then history newest first. */
    private List<JobView> gathered() {
        synchronized (lock) {
            List<JobView> jobs = new ArrayList<>();
            claims.values().forEach(c -> jobs.add(JobView.running(c.item())));
            pending(OwnerFilter.ALL).forEach(item -> jobs.add(JobView.pending(item)));
            List.copyOf(history.values()).reversed().forEach(entry -> jobs.add(JobView.finished(entry)));
            return jobs;
        }
    }

    @Override
    public void close() {
    }
}
