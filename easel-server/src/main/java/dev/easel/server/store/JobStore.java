package dev.easel.server.store;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The queue, the running job and the history behind one interface. A job is claimed by
 * {@link #takeNext} and released by {@link #finish}; history only ever receives finished jobs.
 * Implementations are thread-safe.
 */
public interface JobStore {

    void enqueue(QueueItem item);

    /** Waits up to {@code wait} for a pending job and claims it as the running one. */
    Optional<QueueItem> takeNext(Duration wait) throws InterruptedException;

    /** Releases the running job into history. */
    void finish(HistoryEntry entry);

    Optional<QueueItem> running();

    /** Pending jobs in run order. */
    List<QueueItem> pending();

    /** Pending plus running, what {@code exec_info.queue_remaining} reports. */
    int remaining();

    boolean deletePending(String promptId);

    int clearPending();

    Optional<HistoryEntry> history(String promptId);

    /** ComfyUI's paging: see {@code GET /history}. Oldest first. */
    LinkedHashMap<String, HistoryEntry> history(OptionalInt maxItems, OptionalInt offset);

    /** Every history entry, oldest first. */
    List<HistoryEntry> allHistory();

    void deleteHistory(String promptId);

    void clearHistory();
}
