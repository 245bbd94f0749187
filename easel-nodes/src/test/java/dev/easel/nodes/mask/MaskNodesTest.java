package dev.easel.nodes.mask;

import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.easel.nodes.NodeCalls.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaskNodesTest {

    private static Tensor out(Object value) {
        return (Tensor) value;
    }

    @Test
    void imageToMaskTakesOneChannel() throws Exception {
        Tensor image = Tensor.of(new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f}, 1, 1, 2, 4);
        Tensor green = out(run(new ImageToMask(), "image", image, "channel", "green").outputs().get(0));
        assertThat(green.shape()).containsExactly(1, 1, 2);
        assertThat(green.data()).containsExactly(0.2f, 0.6f);
        assertThat(out(run(new ImageToMask(), "image", image, "channel", "alpha").outputs().get(0)).data()).containsExactly(0.4f, 0.8f);
    }

    @Test
    void imageToMaskOfMissingAlphaIsAClearError() {
        assertThatThrownBy(() -> run(new ImageToMask(), "image", Tensor.zeros(1, 1, 1, 3), "channel", "alpha"))
                .hasMessage("the image has 3 channels, so it has no alpha channel");
    }

    @Test
    void maskToImageCopiesValuesToRgb() throws Exception {
        Tensor image = out(run(new MaskToImage(), "mask", Tensor.of(new float[] {0.25f, 1f}, 1, 2)).outputs().get(0));
        assertThat(image.shape()).containsExactly(1, 1, 2, 3);
        assertThat(image.data()).containsExactly(0.25f, 0.25f, 0.25f, 1f, 1f, 1f);
    }

    @Test
    void solidMaskIsOneMaskOfTheValue() throws Exception {
        Tensor mask = out(run(new SolidMask(), "value", 0.3, "width", 3, "height", 2).outputs().get(0));
        assertThat(mask.shape()).containsExactly(1, 2, 3);
        assertThat(mask.allEqual(0.3f)).isTrue();
        assertThat(new SolidMask().schema().input("value").orElseThrow().options())
                .containsExactly(Map.entry("default", 1.0), Map.entry("min", 0.0), Map.entry("max", 1.0), Map.entry("step", 0.01));
    }

    @Test
    void invertMaskSubtractsFromOne() throws Exception {
        Tensor mask = out(run(new InvertMask(), "mask", Tensor.of(new float[] {0f, 0.25f, 1f}, 1, 1, 3)).outputs().get(0));
        assertThat(mask.shape()).containsExactly(1, 1, 3);
        assertThat(mask.data()).containsExactly(1f, 0.75f, 0f);
    }
}
