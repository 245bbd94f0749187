package dev.easel.models.cache;

import java.util.Set;

/**
 * Chooses which loaded model to drop when the memory budget is exceeded. A policy only chooses:
 * the {@link ModelCache} removes the entry and closes the model. The cache calls every method
 * under its own lock, so a policy needs no synchronisation of its own.
 */
public interface EvictionPolicy {

    void inserted(ModelKey key);

    void accessed(ModelKey key);

    void removed(ModelKey key);

    /** The next entry to drop; {@code candidates} is never empty. */
    ModelKey chooseVictim(Set<ModelKey> candidates);
}
