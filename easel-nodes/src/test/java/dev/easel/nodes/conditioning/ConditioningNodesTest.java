package dev.easel.nodes.conditioning;

import dev.easel.diffusion.cond.Area;
import dev.easel.diffusion.cond.Conditioning;
import dev.easel.diffusion.cond.ConditioningEntry;
import dev.easel.nodes.FakeModels;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.easel.nodes.NodeCalls.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConditioningNodesTest {

    private static Conditioning conditioning(float value) {
        return Conditioning.of(ConditioningEntry.of(Tensor.full(value, 1, 2, 3), Optional.of(Tensor.full(value, 1, 3))));
    }

    private static Conditioning output(Object result) {
        return (Conditioning) result;
    }

    @Test
    void clipTextEncodeEncodesTheTextWithTheGivenClip() throws Exception {
        Conditioning out = output(run(new CLIPTextEncode(), "text", "abc", "clip", new FakeModels.Clip(-1)).outputs().get(0));
        assertThat(out.entries()).singleElement().satisfies(e -> {
            assertThat(e.crossAttn().shape()).containsExactly(1, 2, 3);
            assertThat(e.crossAttn().allEqual(3f)).isTrue();
        });
    }

    @Test
    void clipTextEncodeWithoutAClipSaysTheCheckpointHasNone() {
        assertThatThrownBy(() -> run(new CLIPTextEncode(), "text", "abc", "clip", null))
                .hasMessageStartingWith("ERROR: clip input is invalid: None");
    }

    @Test
    void clipSetLastLayerReadsAnEarlierLayer() throws Exception {
        Object out = run(new CLIPSetLastLayer(), "clip", new FakeModels.Clip(-1), "stop_at_clip_layer", -2).outputs().get(0);
        assertThat(out).isEqualTo(new FakeModels.Clip(-2));
    }

    @Test
    void conditioningCombineListsTheFirstEntriesThenTheSecond() throws Exception {
        Conditioning a = conditioning(1), b = conditioning(2);
        Conditioning out = output(run(new ConditioningCombine(), "conditioning_1", a, "conditioning_2", b).outputs().get(0));
        assertThat(out.entries()).containsExactly(a.entries().get(0), b.entries().get(0));
    }

    @Test
    void conditioningSetAreaStoresTheRectangleInLatentPixels() throws Exception {
        Conditioning in = conditioning(1).combine(conditioning(2));
        Conditioning out = output(run(new ConditioningSetArea(), "conditioning", in, "width", 100, "height", 64,
                "x", 17, "y", 8, "strength", 2.5).outputs().get(0));
        assertThat(out.entries()).hasSize(2).allSatisfy(e -> {
            assertThat(e.area()).contains(new Area(8, 12, 1, 2));
            assertThat(e.strength()).isEqualTo(2.5);
        });
        assertThat(out.entries().get(1).crossAttn()).isSameAs(in.entries().get(1).crossAttn());
    }

    @Test
    void conditioningZeroOutZeroesHiddenStatesAndPooledOutputOnly() throws Exception {
        Conditioning in = conditioning(3).map(e -> e.withArea(new Area(1, 2, 3, 4), 0.5));
        Conditioning out = output(run(new ConditioningZeroOut(), "conditioning", in).outputs().get(0));
        ConditioningEntry e = out.entries().get(0);
        assertThat(e.crossAttn().shape()).containsExactly(1, 2, 3);
        assertThat(e.crossAttn().allEqual(0f)).isTrue();
        assertThat(e.pooled().orElseThrow().shape()).containsExactly(1, 3);
        assertThat(e.pooled().orElseThrow().allEqual(0f)).isTrue();
        assertThat(e.area()).contains(new Area(1, 2, 3, 4));
        assertThat(e.strength()).isEqualTo(0.5);
    }
}
