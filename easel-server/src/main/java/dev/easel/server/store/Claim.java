package dev.easel.server.store;

import java.time.Instant;

/** A job taken by one worker: the lease that lets it, and nobody else, finish the job. */
public record Claim(QueueItem item, String leaseId, String owner, Instant claimedAt) {

    public String promptId() {
        return item.promptId();
    }
}
