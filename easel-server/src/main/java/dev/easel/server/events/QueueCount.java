package dev.easel.server.events;

/**
 * ComfyUI's {@code exec_info.queue_remaining} at one moment, numbered by {@link JobPublisher}
 * in the order the counts were read. Whoever delivers counts keeps the newest: one that arrives
 * after a higher number is stale and is dropped rather than sent.
 */
public record QueueCount(long sequence, int remaining) {

    public boolean isNewerThan(QueueCount other) {
        return sequence > other.sequence;
    }
}
