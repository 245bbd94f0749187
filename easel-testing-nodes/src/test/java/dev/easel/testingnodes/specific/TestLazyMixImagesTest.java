package dev.easel.testingnodes.specific;

import dev.easel.tensor.Tensor;
import dev.easel.testingnodes.FakeNodeContext;
import org.junit.jupiter.api.Test;

import static dev.easel.testingnodes.Values.inputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestLazyMixImagesTest {
    private final TestLazyMixImages node = new TestLazyMixImages();
    private final FakeNodeContext ctx = new FakeNodeContext();
    private final Tensor black = Tensor.zeros(1, 2, 2, 3);
    private final Tensor white = Tensor.ones(1, 2, 2, 3);

    @Test
    void bothImagesAreLazy() {
        assertThat(node.schema().input("image1").orElseThrow().isLazy()).isTrue();
        assertThat(node.schema().input("image2").orElseThrow().isLazy()).isTrue();
        assertThat(node.schema().input("mask").orElseThrow().isLazy()).isFalse();
        assertThat(node.schema().displayName()).isEqualTo("Lazy Mix Images");
        assertThat(node.schema().category()).isEqualTo("Testing/Nodes");
    }

    @Test
    void zeroMaskNeedsOnlyTheFirstImage() throws Exception {
        assertThat(node.checkLazyStatus(ctx, inputs("mask", Tensor.zeros(1, 2, 2)))).containsExactly("image1");
    }

    @Test
    void fullMaskNeedsOnlyTheSecondImage() throws Exception {
        assertThat(node.checkLazyStatus(ctx, inputs("mask", Tensor.ones(1, 2, 2)))).containsExactly("image2");
    }

    @Test
    void partialMaskNeedsBothUntilTheyArrive() throws Exception {
        Tensor half = Tensor.full(0.5f, 1, 2, 2);
        assertThat(node.checkLazyStatus(ctx, inputs("mask", half))).containsExactly("image1", "image2");
        assertThat(node.checkLazyStatus(ctx, inputs("mask", half, "image1", black))).containsExactly("image2");
        assertThat(node.checkLazyStatus(ctx, inputs("mask", half, "image1", black, "image2", white))).isEmpty();
    }

    @Test
    void extremeMasksReturnOneImageUnchanged() throws Exception {
        assertThat(node.execute(ctx, inputs("mask", Tensor.zeros(1, 2, 2), "image1", black)).outputs())
                .containsExactly(black);
        assertThat(node.execute(ctx, inputs("mask", Tensor.ones(1, 2, 2), "image2", white)).outputs())
                .containsExactly(white);
    }

    @Test
    void partialMaskBlendsPerPixelOverAllChannels() throws Exception {
        Tensor mask = Tensor.of(new float[] {0f, 0.3f, 0.5f, 1f}, 1, 2, 2);
        Tensor mixed = (Tensor) node.execute(ctx, inputs("mask", mask, "image1", black, "image2", white))
                .outputs().getFirst();
        assertThat(mixed.shape()).containsExactly(1, 2, 2, 3);
        assertThat(mixed.get(0, 0, 1, 2)).isEqualTo(0.3f);
        assertThat(mixed.get(0, 1, 0, 0)).isEqualTo(0.5f);
        assertThat(mixed.get(0, 0, 0, 1)).isEqualTo(0f);
        // 0.3 saved as an 8-bit pixel truncates to 76, as in ComfyUI
        assertThat((int) (mixed.get(0, 0, 1, 0) * 255f)).isEqualTo(76);
    }

    @Test
    void twoDimensionalMaskBroadcastsOverTheBatch() throws Exception {
        Tensor mask = Tensor.full(0.25f, 2, 2);
        Tensor mixed = (Tensor) node.execute(ctx, inputs("mask", mask,
                "image1", Tensor.zeros(2, 2, 2, 3), "image2", Tensor.ones(2, 2, 2, 3))).outputs().getFirst();
        assertThat(mixed.shape()).containsExactly(2, 2, 2, 3);
        assertThat(mixed.allEqual(0.25f)).isTrue();
    }

    @Test
    void mismatchedSizesFail() {
        Tensor mask = Tensor.full(0.5f, 1, 3, 3);
        assertThatThrownBy(() -> node.execute(ctx, inputs("mask", mask, "image1", black, "image2", white)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
