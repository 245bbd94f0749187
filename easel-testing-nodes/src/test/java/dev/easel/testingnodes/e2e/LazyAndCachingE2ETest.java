package dev.easel.testingnodes.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Lazy inputs, caching and IS_CHANGED through a real server, as ComfyUI's execution tests check them. */
class LazyAndCachingE2ETest {
    @RegisterExtension
    static final EaselFixture easel = EaselFixture.classic();

    @Test
    void zeroMaskNeverEvaluatesTheSecondImage() throws Exception {
        TestGraph g = new TestGraph();
        var input1 = g.constantImage(0.4, 64, 64);
        var input2 = g.constantImage(0.6, 64, 64);
        var mask = g.stubMask(0.0, 64, 64);
        var mix = g.node("TestLazyMixImages", "image1", input1.out(0), "image2", input2.out(0), "mask", mask.out(0));
        var save = g.node("SaveImage", "images", mix.out(0), "filename_prefix", "lazy");
        RunResult result = easel.client().run(g);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.didRun(input1.id)).isTrue();
        assertThat(result.didRun(input2.id)).isFalse();
        assertThat(easel.savedPixel(result, save.id, 0)).isEqualTo(102); // 0.4 * 255 truncated
    }

    @Test
    void partialMaskBlendsBothImages() throws Exception {
        TestGraph g = new TestGraph();
        // a size no other test uses, so nothing is served from an earlier prompt's cache
        var black = g.stubImage("BLACK", 48, 40);
        var white = g.stubImage("WHITE", 48, 40);
        var mask = g.stubMask(0.3, 48, 40);
        var mix = g.node("TestLazyMixImages", "image1", black.out(0), "image2", white.out(0), "mask", mask.out(0));
        var save = g.node("SaveImage", "images", mix.out(0), "filename_prefix", "mix");
        RunResult result = easel.client().run(g);
        assertThat(result.didRun(black.id)).isTrue();
        assertThat(result.didRun(white.id)).isTrue();
        assertThat(easel.savedPixel(result, save.id, 0)).isEqualTo(76);
    }

    @Test
    void anIdenticalSecondPromptIsServedFromCacheWithoutExecutingMessages() throws Exception {
        TestGraph g = new TestGraph();
        var image = g.constantImage(0.25, 32, 32);
        var scaled = g.node("TestIsChangedWithConstants", "image", image.out(0), "value", 2.0);
        var save = g.node("SaveImage", "images", scaled.out(0), "filename_prefix", "cached");
        RunResult first = easel.client().run(g);
        RunResult second = easel.client().run(g);
        assertThat(first.didRun(image.id)).isTrue();
        assertThat(second.didRun(image.id)).isFalse();
        assertThat(second.didRun(scaled.id)).isFalse();
        assertThat(second.wasCached(image.id)).isTrue();
        assertThat(second.wasCached(scaled.id)).isTrue();
        assertThat(easel.savedPixel(first, save.id, 0)).isEqualTo(127);
    }

    @Test
    void changingAConstantSeenByIsChangedReRunsTheNode() throws Exception {
        TestGraph g = new TestGraph();
        var image = g.constantImage(0.125, 32, 32);
        var scaled = g.node("TestIsChangedWithConstants", "image", image.out(0), "value", 2.0);
        g.node("SaveImage", "images", scaled.out(0), "filename_prefix", "changed");
        easel.client().run(g);
        scaled.set("value", 4.0);
        RunResult again = easel.client().run(g);
        assertThat(again.didRun(image.id)).isFalse();
        assertThat(again.didRun(scaled.id)).isTrue();
    }

    @Test
    void aNanFingerprintReRunsEveryTime() throws Exception {
        TestGraph g = new TestGraph();
        var image = g.constantImage(0.75, 16, 16);
        var always = g.node("TestCustomIsChanged", "image", image.out(0), "should_change", true);
        var never = g.node("TestCustomIsChanged", "image", image.out(0), "should_change", false);
        g.node("SaveImage", "images", always.out(0), "filename_prefix", "always");
        g.node("SaveImage", "images", never.out(0), "filename_prefix", "never");
        easel.client().run(g);
        RunResult again = easel.client().run(g);
        assertThat(again.didRun(always.id)).isTrue();
        assertThat(again.didRun(never.id)).isFalse();
    }

    @Test
    void theMeanOfBlackWhiteWhiteSavesAs170() throws Exception {
        TestGraph g = new TestGraph();
        var black = g.stubImage("BLACK");
        var white = g.stubImage("WHITE");
        var average = g.node("TestVariadicAverage", "input1", black.out(0), "input2", white.out(0), "input3", white.out(0));
        var save = g.node("SaveImage", "images", average.out(0), "filename_prefix", "avg");
        assertThat(easel.savedPixel(easel.client().run(g), save.id, 0)).isEqualTo(170);
    }
}
