package dev.easel.testingnodes.stubs;

import dev.easel.engine.node.InputSpec;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.tensor.Tensor;
import dev.easel.testingnodes.FakeNodeContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.easel.testingnodes.Values.inputs;
import static org.assertj.core.api.Assertions.assertThat;

class StubNodesTest {
    private final FakeNodeContext ctx = new FakeNodeContext();

    private Tensor image(NodeDefinition node, Object... pairs) throws Exception {
        return (Tensor) node.execute(ctx, inputs(pairs)).outputs().getFirst();
    }

    @Test
    void whiteIsAllOnesAndBlackAllZeros() throws Exception {
        Tensor white = image(new StubImage(), "content", "WHITE", "height", 4L, "width", 6L, "batch_size", 2L);
        Tensor black = image(new StubImage(), "content", "BLACK", "height", 4L, "width", 6L, "batch_size", 2L);
        assertThat(white.shape()).containsExactly(2, 4, 6, 3);
        assertThat(white.allEqual(1f)).isTrue();
        assertThat(black.shape()).containsExactly(2, 4, 6, 3);
        assertThat(black.allEqual(0f)).isTrue();
    }

    @Test
    void noiseIsUniformInZeroToOne() throws Exception {
        Tensor noise = image(new StubImage(), "content", "NOISE", "height", 32L, "width", 32L, "batch_size", 1L);
        for (float v : noise.data()) assertThat(v).isBetween(0f, 1f);
        assertThat(noise.mean()).isBetween(0.4f, 0.6f);
        assertThat(noise.allEqual(noise.data()[0])).isFalse();
    }

    @Test
    void constantImageAndMaskFillEveryElement() throws Exception {
        Tensor image = image(new StubConstantImage(), "value", 0.25, "height", 3L, "width", 5L, "batch_size", 1L);
        Tensor mask = image(new StubMask(), "value", 0.3, "height", 3L, "width", 5L, "batch_size", 2L);
        assertThat(image.shape()).containsExactly(1, 3, 5, 3);
        assertThat(image.allEqual(0.25f)).isTrue();
        assertThat(mask.shape()).containsExactly(2, 3, 5);
        assertThat(mask.allEqual(0.3f)).isTrue();
    }

    @Test
    void intAndFloatPassTheirValueThrough() throws Exception {
        assertThat(new StubInt().execute(ctx, inputs("value", 5L)).outputs()).containsExactly(5L);
        assertThat(new StubFloat().execute(ctx, inputs("value", 5.0)).outputs()).containsExactly(5.0);
    }

    @Test
    void schemasCarryComfyBounds() {
        InputSpec width = new StubImage().schema().input("width").orElseThrow();
        InputSpec height = new StubMask().schema().input("height").orElseThrow();
        assertThat(width.options()).containsEntry("default", 512L).containsEntry("min", 1L)
                .containsEntry("max", 68719476736L).containsEntry("step", 1L);
        assertThat(height.options()).containsEntry("max", 1073741824L);
        assertThat(new StubImage().schema().input("content").orElseThrow().choiceList())
                .containsExactly("WHITE", "BLACK", "NOISE");
        assertThat(new StubInt().schema().input("value").orElseThrow().options())
                .containsEntry("min", -0xffffffffL).containsEntry("max", 0xffffffffL);
        assertThat(new StubConstantImage().schema().input("value").orElseThrow().options())
                .containsEntry("default", 0.5).containsEntry("min", 0.0).containsEntry("max", 1.0).containsEntry("step", 0.01);
        for (NodeDefinition node : List.of(new StubImage(), new StubConstantImage(), new StubMask(), new StubInt(), new StubFloat())) {
            assertThat(node.schema().category()).isEqualTo("Testing/Stub Nodes");
        }
        assertThat(new StubMask().schema().outputs().getFirst().type()).isEqualTo("MASK");
    }
}
