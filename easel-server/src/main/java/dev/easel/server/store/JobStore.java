package dev.easel.server.store;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The queue, the running jobs and the history behind one interface, and the query surface the
 * routes read. A worker takes a job by {@link #claim claiming} it under a lease and hands it back
 * with {@link #finish}; history only ever receives finished jobs. Claims are what let several
 * servers share one store: each claim names its owner, and one owner holds at most one claim.
 * Implementations are thread-safe.
 */
public interface JobStore extends AutoCloseable {

    /** ComfyUI's prompt counter: each call returns the next number, continuing across restarts where the store is durable. */
    long nextNumber();

    /** Stores a pending job; once this returns, the job is kept (durably, where the store is). */
    void enqueue(QueueItem item);

    /**
     * Waits up to {@code wait} for the first pending job in run order and claims it for
     * {@code owner} until {@code lease} from now. Nothing is handed out while the owner still
     * holds a claim.
     */
    Optional<Claim> claim(String owner, Duration lease, Duration wait) throws InterruptedException;

    /** Extends a claim's lease; false when the claim is no longer held. */
    boolean renew(Claim claim, Duration lease);

    /** Gives a claimed job back, unrun: it is pending again in its old place. False when the claim was no longer held. */
    boolean release(Claim claim);

    /** Ends a claim: the job leaves the running set for history. False when the claim was no longer held. */
    boolean finish(Claim claim, HistoryEntry outcome);

    /**
     * Ends as failed every claim whose holder can no longer finish it: in a store owned by one
     * server, every claim left over from an earlier start; in a shared one, those past their lease.
     * Returns the prompt ids so ended.
     */
    List<String> failAbandoned(String reason);

    /** The claimed jobs the filter admits, oldest claim first (one per server). */
    List<QueueItem> running(OwnerFilter owners);

    /** The pending jobs the filter admits, in run order. */
    List<QueueItem> pending(OwnerFilter owners);

    /** Pending plus running, what {@code exec_info.queue_remaining} reports. */
    int remaining();

    /** Removes a pending job if the filter admits it; false when there was none such. */
    boolean deletePending(String promptId, OwnerFilter owners);

    /** Removes the pending jobs the filter admits; returns how many. */
    int clearPending(OwnerFilter owners);

    Optional<HistoryEntry> history(String promptId, OwnerFilter owners);

    /** ComfyUI's paging (see {@code GET /history}) over the entries the filter admits. Oldest first. */
    LinkedHashMap<String, HistoryEntry> history(OptionalInt maxItems, OptionalInt offset, OwnerFilter owners);

    void deleteHistory(String promptId, OwnerFilter owners);

    void clearHistory(OwnerFilter owners);

    /** The jobs API list: running, pending and history filtered (by its owners too), sorted and paged (§2.5). */
    JobPage jobs(JobQuery query);

    /** One job the filter admits, in any state: running, then pending, then history. */
    Optional<JobView> job(String promptId, OwnerFilter owners);

    @Override
    void close();
}
