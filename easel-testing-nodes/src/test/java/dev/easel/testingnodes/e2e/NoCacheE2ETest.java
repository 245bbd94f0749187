package dev.easel.testingnodes.e2e;

import dev.easel.engine.cache.CachePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** With caching off ({@code --cache-none}) an identical second prompt re-runs every node. */
class NoCacheE2ETest {
    @RegisterExtension
    static final EaselFixture easel = EaselFixture.withCache(CachePolicy.none());

    @Test
    void everyNodeRunsAgain() throws Exception {
        TestGraph g = new TestGraph();
        var image = g.constantImage(0.5, 8, 8);
        var scaled = g.node("TestIsChangedWithConstants", "image", image.out(0), "value", 1.0);
        var save = g.node("SaveImage", "images", scaled.out(0), "filename_prefix", "uncached");
        easel.client().run(g);
        RunResult again = easel.client().run(g);
        assertThat(again.didRun(image.id)).isTrue();
        assertThat(again.didRun(scaled.id)).isTrue();
        assertThat(again.didRun(save.id)).isTrue();
        assertThat(again.wasCached(image.id)).isFalse();
    }
}
