package dev.easel.models.library;

import dev.easel.models.cache.ModelCache;
import dev.easel.models.cache.ModelKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * A network as a node output holds it: the cache key of what it is part of, not the sessions.
 * Each call leases the cached value for the length of the call, loading it again if it was
 * evicted or unloaded ({@code POST /free}) since, so an output the engine keeps from an earlier
 * prompt stays usable and no session is closed while it runs.
 */
final class Leased<T> {
    private final ModelCache cache;
    private final ModelKey key;
    private final Class<?> type;
    private final ModelCache.Loader<?> loader;
    private final Function<Object, T> part;

    private Leased(ModelCache cache, ModelKey key, Class<?> type, ModelCache.Loader<?> loader, Function<Object, T> part) {
        this.cache = cache;
        this.key = key;
        this.type = type;
        this.loader = loader;
        this.part = part;
    }

    static <V> Leased<V> of(ModelCache cache, ModelKey key, Class<V> type, ModelCache.Loader<? extends V> loader) {
        return new Leased<>(cache, key, type, loader, type::cast);
    }

    /** The part {@code of} picks from the same cached value. */
    <R> Leased<R> map(Function<? super T, R> of) {
        return new Leased<>(cache, key, type, loader, part.andThen(of));
    }

    ModelKey key() {
        return key;
    }

    /** Runs {@code call} on the value, leased for the call; a failed reload is an {@link UncheckedIOException}. */
    <R> R with(Function<? super T, R> call) {
        try {
            return load(call);
        } catch (IOException e) {
            throw new UncheckedIOException("reloading " + key.realPath(), e);
        }
    }

    /** As {@link #with}, for the first call, whose load failure the loader node reports. */
    @SuppressWarnings("unchecked")
    <R> R load(Function<? super T, R> call) throws IOException {
        try (ModelCache.Lease<Object> lease = cache.acquire(key, key.size(), (Class<Object>) type, (ModelCache.Loader<Object>) loader)) {
            return call.apply(part.apply(lease.value()));
        }
    }
}
