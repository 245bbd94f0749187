package dev.easel.models.library;

import dev.easel.models.Checkpoint;

/** A checkpoint as the cache holds it: the parts, and what must be closed when it is unloaded. */
public record LoadedCheckpoint(Checkpoint checkpoint, AutoCloseable resources) implements AutoCloseable {

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
