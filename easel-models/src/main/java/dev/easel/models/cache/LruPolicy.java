package dev.easel.models.cache;

import java.util.LinkedHashSet;
import java.util.Set;

/** Drops the model used least recently. */
public final class LruPolicy implements EvictionPolicy {
    /** Oldest use first. */
    private final LinkedHashSet<ModelKey> order = new LinkedHashSet<>();

    @Override
    public void inserted(ModelKey key) {
        accessed(key);
    }

    @Override
    public void accessed(ModelKey key) {
        order.remove(key);
        order.add(key);
    }

    @Override
    public void removed(ModelKey key) {
        order.remove(key);
    }

    @Override
    public ModelKey chooseVictim(Set<ModelKey> candidates) {
        for (ModelKey key : order) if (candidates.contains(key)) return key;
        return candidates.iterator().next();
    }
}
