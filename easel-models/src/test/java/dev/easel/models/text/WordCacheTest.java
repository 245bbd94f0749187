package dev.easel.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordCacheTest {

    private final List<String> computed = new ArrayList<>();

    private int[] compute(String word) {
        computed.add(word);
        return new int[] {word.length()};
    }

    @Test
    void knownWordIsNotComputedAgain() {
        WordCache cache = new WordCache(4);
        cache.computeIfAbsent("cat", this::compute);
        assertThat(cache.computeIfAbsent("cat", this::compute)).containsExactly(3);
        assertThat(computed).containsExactly("cat");
    }

    @Test
    void leastRecentlyUsedWordIsEvictedAtCapacity() {
        WordCache cache = new WordCache(2);
        cache.computeIfAbsent("a", this::compute);
        cache.computeIfAbsent("bb", this::compute);
        cache.computeIfAbsent("a", this::compute);
        cache.computeIfAbsent("ccc", this::compute);
        cache.computeIfAbsent("a", this::compute);
        cache.computeIfAbsent("bb", this::compute);
        assertThat(computed).containsExactly("a", "bb", "ccc", "bb");
        assertThat(cache.size()).isEqualTo(2);
    }
}
