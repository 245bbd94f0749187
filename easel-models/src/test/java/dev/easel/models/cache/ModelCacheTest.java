package dev.easel.models.cache;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelCacheTest {

    /** A model that records whether it was closed. */
    static final class FakeModel implements AutoCloseable {
        final String name;
        boolean closed;

        FakeModel(String name) {
            this.name = name;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static ModelKey key(String name) {
        return new ModelKey(Path.of("/models", name), 1, 1, "checkpoint");
    }

    /** Leases a model and ends the lease at once. */
    private static <T> T used(ModelCache cache, ModelKey key, long bytes, Class<T> type,
                              ModelCache.Loader<? extends T> loader) throws IOException {
        try (ModelCache.Lease<T> lease = cache.acquire(key, bytes, type, loader)) {
            return lease.value();
        }
    }

    private static FakeModel get(ModelCache cache, String name, long bytes) throws IOException {
        return used(cache, key(name), bytes, FakeModel.class, () -> new FakeModel(name));
    }

    @Test
    void aSecondGetOfTheSameKeyIsServedWithoutLoading() throws IOException {
        ModelCache cache = ModelCache.lru(100);
        AtomicInteger loads = new AtomicInteger();
        FakeModel first = used(cache, key("a"), 10, FakeModel.class, () -> { loads.incrementAndGet(); return new FakeModel("a"); });
        FakeModel second = used(cache, key("a"), 10, FakeModel.class, () -> { loads.incrementAndGet(); return new FakeModel("a"); });

        assertThat(second).isSameAs(first);
        assertThat(loads).hasValue(1);
    }

    @Test
    void theLeastRecentlyUsedModelIsEvictedAndClosedToMakeRoom() throws IOException {
        ModelCache cache = ModelCache.lru(100);
        FakeModel a = get(cache, "a", 40);
        FakeModel b = get(cache, "b", 40);
        get(cache, "a", 40);
        FakeModel c = get(cache, "c", 40);

        assertThat(b.closed).isTrue();
        assertThat(a.closed).isFalse();
        assertThat(c.closed).isFalse();
        assertThat(cache.contains(key("b"))).isFalse();
        assertThat(cache.usedBytes()).isEqualTo(80);
    }

    @Test
    void aModelLargerThanTheBudgetLoadsAloneAfterEvictingEverythingElse() throws IOException {
        ModelCache cache = ModelCache.lru(100);
        FakeModel a = get(cache, "a", 40);
        FakeModel b = get(cache, "b", 40);
        FakeModel huge = get(cache, "huge", 150);

        assertThat(a.closed).isTrue();
        assertThat(b.closed).isTrue();
        assertThat(huge.closed).isFalse();
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.contains(key("huge"))).isTrue();
    }

    @Test
    void unloadAllClosesEveryModel() throws IOException {
        ModelCache cache = ModelCache.lru(100);
        FakeModel a = get(cache, "a", 10);
        FakeModel b = get(cache, "b", 10);
        cache.unloadAll();

        assertThat(a.closed).isTrue();
        assertThat(b.closed).isTrue();
        assertThat(cache.size()).isZero();
        assertThat(cache.usedBytes()).isZero();
    }

    @Test
    void aNewVersionOfAFileReplacesTheLoadedOne() throws IOException {
        ModelCache cache = ModelCache.lru(1000);
        ModelKey old = new ModelKey(Path.of("/models/a"), 10, 1, "checkpoint");
        ModelKey changed = new ModelKey(Path.of("/models/a"), 12, 2, "checkpoint");
        FakeModel before = used(cache, old, 10, FakeModel.class, () -> new FakeModel("old"));
        used(cache, changed, 12, FakeModel.class, () -> new FakeModel("new"));

        assertThat(before.closed).isTrue();
        assertThat(cache.contains(old)).isFalse();
        assertThat(cache.contains(changed)).isTrue();
    }

    @Test
    void aFailedLoadCachesNothing() {
        ModelCache cache = ModelCache.lru(100);

        assertThatThrownBy(() -> used(cache, key("a"), 10, FakeModel.class, () -> { throw new IOException("broken"); }))
                .hasMessage("broken");
        assertThat(cache.size()).isZero();
    }

    @Test
    void thePolicyChoosesTheVictim() throws IOException {
        List<ModelKey> offered = new ArrayList<>();
        EvictionPolicy newestFirst = new EvictionPolicy() {
            final List<ModelKey> order = new ArrayList<>();
            public void inserted(ModelKey k) { order.add(k); }
            public void accessed(ModelKey k) { }
            public void removed(ModelKey k) { order.remove(k); }
            public ModelKey chooseVictim(java.util.Set<ModelKey> candidates) {
                offered.addAll(candidates);
                return order.get(order.size() - 1);
            }
        };
        ModelCache cache = new ModelCache(100, newestFirst);
        FakeModel a = get(cache, "a", 50);
        FakeModel b = get(cache, "b", 50);
        get(cache, "c", 50);

        assertThat(offered).containsExactly(key("a"), key("b"));
        assertThat(b.closed).isTrue();
        assertThat(a.closed).isFalse();
    }

    @Test
    void concurrentRequestsForOneModelLoadItOnce() throws Exception {
        ModelCache cache = ModelCache.lru(100);
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch loading = new CountDownLatch(1), release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<FakeModel> first = pool.submit(() -> used(cache, key("a"), 10, FakeModel.class, () -> {
                loads.incrementAndGet();
                loading.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                return new FakeModel("a");
            }));
            loading.await(5, TimeUnit.SECONDS);
            Future<FakeModel> second = pool.submit(() -> used(cache, key("a"), 10, FakeModel.class, () -> {
                loads.incrementAndGet();
                return new FakeModel("a2");
            }));
            release.countDown();

            assertThat(second.get(5, TimeUnit.SECONDS)).isSameAs(first.get(5, TimeUnit.SECONDS));
            assertThat(loads).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyCachedAsAnotherTypeIsAnError() throws IOException {
        ModelCache cache = ModelCache.lru(100);
        get(cache, "a", 10);

        assertThatThrownBy(() -> used(cache, key("a"), 10, String.class, () -> "x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is cached as");
    }
    @Test
    void aModelEvictedWhileLeasedIsClosedWhenItsLeaseEnds() throws IOException {
        ModelCache cache = ModelCache.lru(100);
        ModelCache.Lease<FakeModel> a = cache.acquire(key("a"), 60, FakeModel.class, () -> new FakeModel("a"));
        FakeModel b = get(cache, "b", 60);

        assertThat(cache.contains(key("a"))).isFalse();
        assertThat(a.value().closed).isFalse();
        assertThat(b.closed).isFalse();
        a.close();
        assertThat(a.value().closed).isTrue();
        a.close();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void unloadAllLeavesLeasedModelsOpenUntilTheirLastLeaseEnds() throws IOException {
        ModelCache cache = ModelCache.lru(100);
        ModelCache.Lease<FakeModel> first = cache.acquire(key("a"), 10, FakeModel.class, () -> new FakeModel("a"));
        ModelCache.Lease<FakeModel> second = cache.acquire(key("a"), 10, FakeModel.class, () -> new FakeModel("other"));
        assertThat(second.value()).isSameAs(first.value());
        cache.unloadAll();

        assertThat(cache.size()).isZero();
        first.close();
        assertThat(first.value().closed).isFalse();
        second.close();
        assertThat(first.value().closed).isTrue();
        // the next request loads it again
        assertThat(used(cache, key("a"), 10, FakeModel.class, () -> new FakeModel("again")).name).isEqualTo("again");
    }
}
