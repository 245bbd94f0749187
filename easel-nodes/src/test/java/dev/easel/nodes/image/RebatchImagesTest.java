package dev.easel.nodes.image;

import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.easel.nodes.NodeCalls.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RebatchImagesTest {

    @Test
    void rebatchRegroupsFrames() throws Exception {
        Tensor a = Tensor.of(new float[] {1, 2, 3}, 3, 1, 1, 1);
        Tensor b = Tensor.of(new float[] {4, 5}, 2, 1, 1, 1);
        var result = run(new RebatchImages(), "images", List.of(a, b), "batch_size", List.of(2L),
                "overlap", List.of(0L), "merge_overlap_mode", List.of("truncate start"));
        List<?> batches = (List<?>) result.outputs().get(0);
        assertThat(batches).extracting(t -> java.util.Arrays.toString(((Tensor) t).data()))
                .containsExactly("[1.0, 2.0]", "[3.0, 4.0]", "[5.0]");
    }

    @Test
    void rebatchNeverJoinsDifferentFrameSizes() throws Exception {
        var result = run(new RebatchImages(), "images", List.of(Tensor.zeros(1, 2, 2, 3), Tensor.zeros(1, 3, 3, 3)), "batch_size", List.of(4L));
        assertThat((List<?>) result.outputs().get(0)).extracting(t -> ((Tensor) t).dim(1)).containsExactly(2, 3);
    }

    @Test
    void rebatchOverlapRepeatsFramesBetweenOutputs() {
        Tensor x = Tensor.of(new float[] {1, 2, 3}, 3, 1, 1, 1);
        assertThat(Rebatcher.rebatch(List.of(x), 2, 1, OverlapMode.TRUNCATE_START))
                .extracting(t -> java.util.Arrays.toString(t.data())).containsExactly("[1.0, 2.0]", "[2.0, 3.0]");
    }

    @Test
    void rebatchMergesOverlappingInputsByMode() {
        Tensor p = Tensor.of(new float[] {0.1f, 0.2f, 0.3f}, 3, 1, 1, 1);
        Tensor q = Tensor.of(new float[] {0.7f, 0.8f, 0.9f}, 3, 1, 1, 1);
        assertThat(Rebatcher.rebatch(List.of(p, q), 5, 2, OverlapMode.TRUNCATE_START).get(0).data()).containsExactly(0.1f, 0.2f, 0.3f, 0.9f);
        assertThat(Rebatcher.rebatch(List.of(p, q), 5, 2, OverlapMode.TRUNCATE_END).get(0).data()).containsExactly(0.1f, 0.7f, 0.8f, 0.9f);
        assertThat(Rebatcher.rebatch(List.of(p, q), 5, 2, OverlapMode.FADE_LINEAR).get(0).data()).containsExactly(0.1f, 0.2f, 0.8f, 0.9f);
    }

    @Test
    void fadeWeightsFollowLinspaceAndSmoothstep() {
        assertThat(OverlapMode.FADE_LINEAR.weights(4)).containsExactly(0f, 1f / 3, 1f - 1f / 3, 1f);
        float third = 1f / 3;
        assertThat(OverlapMode.FADE_SMOOTH.weights(4)[1]).isEqualTo(third * third * (3f - 2f * third));
        assertThat(OverlapMode.FADE_SMOOTH.weights(3)).containsExactly(0f, 0.5f, 1f);
    }

    @Test
    void rebatchRejectsOverlapAsLargeAsTheBatch() {
        assertThatThrownBy(() -> Rebatcher.rebatch(List.of(Tensor.zeros(2, 1, 1, 3)), 2, 2, OverlapMode.TRUNCATE_START))
                .hasMessage("Rebatch overlap must be smaller than the batch size");
    }

    @Test
    void rebatchSchemaTakesListsAndGivesAList() {
        var schema = new RebatchImages().schema();
        assertThat(schema.inputIsList()).isTrue();
        assertThat(schema.outputs()).singleElement().satisfies(o -> {
            assertThat(o.isList()).isTrue();
            assertThat(o.type()).isEqualTo("IMAGE");
        });
        assertThat(schema.input("merge_overlap_mode").orElseThrow().choiceList())
                .containsExactly("truncate start", "truncate end", "fade smooth", "fade linear");
        assertThat(schema.input("batch_size").orElseThrow().options())
                .containsEntry("tooltip", "Number of images or frames in each output batch.");
    }
}
