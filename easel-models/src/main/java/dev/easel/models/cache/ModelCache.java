package dev.easel.models.cache;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one place loaded models live. Entries are keyed by {@link ModelKey} and weighed by an
 * estimate of their memory (file sizes); when a load would exceed the budget, the
 * {@link EvictionPolicy} chooses entries to drop and the cache removes them and closes those that
 * are {@link AutoCloseable}. A model larger than the whole budget still loads, alone.
 * <p>
 * Models are used under a {@link Lease}: an entry dropped (evicted or unloaded) while leased
 * leaves the cache at once but is closed only when its last lease ends, so nothing is closed
 * while a network runs. Callers keep a key, not a model, and lease it again for each use
 * ({@code dev.easel.models.library.CheckpointHandle}), so a dropped model loads again when it
 * is next needed.
 * <p>
 * Thread-safe. Hits never wait for a load; loads run one at a time, so two requests for the same
 * model load it once and memory is freed before the next model is read.
 */
public final class ModelCache {
    private static final Logger LOG = LoggerFactory.getLogger(ModelCache.class);

    private final long budgetBytes;
    private final EvictionPolicy policy;
    private final Map<ModelKey, Entry> entries = new LinkedHashMap<>();
    private final Object state = new Object();
    private final ReentrantLock loading = new ReentrantLock();

    /** A cached model; {@code leases} and {@code dropped} are guarded by the cache's state lock. */
    private static final class Entry {
        final Object value;
        final long bytes;
        int leases;
        boolean dropped;
        boolean closed;

        Entry(Object value, long bytes) {
            this.value = value;
            this.bytes = bytes;
        }

        /** Whether the caller is the one to close this entry now (under the state lock). */
        boolean claimClose() {
            if (!dropped || leases > 0 || closed) return false;
            closed = true;
            return true;
        }
    }

    /** A model in use: it is not closed before {@link #close} even if the cache drops it. */
    public final class Lease<T> implements AutoCloseable {
        private final Entry entry;
        private final T value;
        private boolean released;

        private Lease(Entry entry, T value) {
            this.entry = entry;
            this.value = value;
        }

        public T value() {
            return value;
        }

        @Override
        public void close() {
            boolean closeNow;
            synchronized (state) {
                if (released) return;
                released = true;
                entry.leases--;
                closeNow = entry.claimClose();
            }
            if (closeNow) closeValue(entry.value);
        }
    }

    /** Makes a model; called at most once per key until the entry is dropped. */
    @FunctionalInterface
    public interface Loader<T> {
        T load() throws IOException;
    }

    public ModelCache(long budgetBytes, EvictionPolicy policy) {
        if (budgetBytes < 0) throw new IllegalArgumentException("budget must not be negative: " + budgetBytes);
        this.budgetBytes = budgetBytes;
        this.policy = policy;
    }

    public static ModelCache lru(long budgetBytes) {
        return new ModelCache(budgetBytes, new LruPolicy());
    }

    /**
     * A lease on the model cached under {@code key}, or on the one {@code loader} makes, cached
     * with an estimated {@code bytes}. A failed load caches nothing.
     */
    public <T> Lease<T> acquire(ModelKey key, long bytes, Class<T> type, Loader<? extends T> loader) throws IOException {
        Lease<T> hit = lookup(key, type);
        if (hit != null) return hit;
        loading.lock();
        try {
            hit = lookup(key, type);
            if (hit != null) return hit;
            closeAll(makeRoom(key, bytes));
            T value = loader.load();
            Entry entry = new Entry(value, bytes);
            synchronized (state) {
                entries.put(key, entry);
                policy.inserted(key);
                entry.leases++;
            }
            return new Lease<>(entry, value);
        } finally {
            loading.unlock();
        }
    }

    public boolean contains(ModelKey key) {
        synchronized (state) {
            return entries.containsKey(key);
        }
    }

    public int size() {
        synchronized (state) {
            return entries.size();
        }
    }

    public long usedBytes() {
        synchronized (state) {
            return entries.values().stream().mapToLong(e -> e.bytes).sum();
        }
    }

    public long budgetBytes() {
        return budgetBytes;
    }

    /** Drops and closes every model ({@code POST /free} with {@code unload_models}). */
    public void unloadAll() {
        List<Entry> dropped = new ArrayList<>();
        loading.lock();
        try {
            synchronized (state) {
                for (ModelKey key : List.copyOf(entries.keySet())) dropped.add(remove(key));
            }
            closeAll(dropped);
        } finally {
            loading.unlock();
        }
        if (!dropped.isEmpty()) LOG.info("unloaded {} models", dropped.size());
    }

    private <T> Lease<T> lookup(ModelKey key, Class<T> type) {
        synchronized (state) {
            Entry e = entries.get(key);
            if (e == null) return null;
            if (!type.isInstance(e.value)) {
                throw new IllegalStateException(key.realPath() + " is cached as " + e.value.getClass().getName()
                        + ", not " + type.getName() + "; give each kind of load its own ModelKey kind");
            }
            policy.accessed(key);
            e.leases++;
            return new Lease<>(e, type.cast(e.value));
        }
    }

    /** Removes older versions of the same model, then what the policy chooses until {@code bytes} fit. */
    private List<Entry> makeRoom(ModelKey key, long bytes) {
        List<Entry> dropped = new ArrayList<>();
        synchronized (state) {
            for (ModelKey old : List.copyOf(entries.keySet())) {
                if (old.sameModelAs(key)) {
                    LOG.info("{} changed on disk; dropping the loaded version", key.realPath());
                    dropped.add(remove(old));
                }
            }
            long used = entries.values().stream().mapToLong(e -> e.bytes).sum();
            if (bytes > budgetBytes) {
                LOG.warn("{} (about {} MB) is larger than the model memory budget ({} MB); unloading everything else to load it alone",
                        key.realPath(), bytes >> 20, budgetBytes >> 20);
            }
            while (!entries.isEmpty() && used + bytes > budgetBytes) {
                ModelKey victim = policy.chooseVictim(java.util.Collections.unmodifiableSet(entries.keySet()));
                if (!entries.containsKey(victim)) {
                    throw new IllegalStateException(policy.getClass().getName() + " chose " + victim + ", which is not cached");
                }
                used -= entries.get(victim).bytes;
                LOG.info("unloading {} to make room for {}", victim.realPath(), key.realPath());
                dropped.add(remove(victim));
            }
        }
        return dropped;
    }

    /** Takes an entry out of the cache (under the state lock); it is closed once it is not leased. */
    private Entry remove(ModelKey key) {
        Entry e = entries.remove(key);
        policy.removed(key);
        e.dropped = true;
        return e;
    }

    private void closeAll(List<Entry> dropped) {
        for (Entry e : dropped) {
            boolean closeNow, inUse;
            synchronized (state) {
                closeNow = e.claimClose();
                inUse = e.leases > 0;
            }
            if (closeNow) closeValue(e.value);
            else if (inUse) LOG.info("an unloaded model is in use; it is closed when that use ends");
        }
    }

    private static void closeValue(Object value) {
        if (value instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing an unloaded model failed", e);
            }
        }
    }
}
