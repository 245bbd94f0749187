package dev.easel.server.store;

import java.nio.file.Path;

/**
 * Which store keeps the jobs ({@code --job-store}) and how much history it keeps
 * ({@code --max-history}, oldest dropped first; their output files stay on disk).
 */
public record JobStoreSettings(Kind kind, int maxHistory) {

    public enum Kind {
        SQLITE, MEMORY
    }

    public JobStoreSettings {
        if (maxHistory < 1) throw new IllegalArgumentException("the history must keep at least one entry, was " + maxHistory);
    }

    public static JobStoreSettings defaults() {
        return new JobStoreSettings(Kind.SQLITE, InMemoryJobStore.MAX_HISTORY);
    }

    /** Opens the chosen store; a durable one lives in {@code userDir}. */
    public JobStore open(Path userDir) {
        return switch (kind) {
            case SQLITE -> SqliteJobStore.open(userDir.resolve(SqliteJobStore.FILE_NAME), maxHistory);
            case MEMORY -> new InMemoryJobStore(maxHistory);
        };
    }
}
