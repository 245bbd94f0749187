package dev.easel.nodes.io;

import java.io.IOException;

/**
 * The bytes one prompt may write into a folder. Prompts run one at a time, so the count
 * starts again whenever a new prompt id charges it; nothing is kept per finished prompt.
 */
final class WriteBudget {
    private final long maxBytes;
    private String promptId = "";
    private long used;

    WriteBudget(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Counts {@code bytes} about to be written, or refuses them when they would pass the limit. */
    synchronized void charge(String promptId, long bytes) throws IOException {
        if (!promptId.equals(this.promptId)) {
            this.promptId = promptId;
            used = 0;
        }
        if (used + bytes > maxBytes) {
            throw new IOException("this prompt would write more than " + maxBytes + " bytes to the temp folder"
                    + " (the --max-temp-size-per-prompt limit)");
        }
        used += bytes;
    }
}
