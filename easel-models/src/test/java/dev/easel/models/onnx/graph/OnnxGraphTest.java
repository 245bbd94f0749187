package dev.easel.models.onnx.graph;

import dev.easel.models.onnx.ElementType;
import dev.easel.models.onnx.Feed;
import dev.easel.models.onnx.OnnxSession;
import dev.easel.models.onnx.SessionSettings;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OnnxGraphTest {

    private static Tensor run(byte[] model, Map<String, Feed> feeds, String output) {
        try (OnnxSession s = OnnxSession.open(model, "test", SessionSettings.defaults().withIntraOpThreads(1))) {
            return s.run(feeds, List.of(output)).get(output);
        }
    }

    @Test
    void aOneByOneConvolutionWithBiasMixesChannels() {
        OnnxGraph g = OnnxGraph.named("conv");
        Value x = g.input("x", ElementType.FLOAT, "batch", 2, "h", "w");
        Value w = g.weight("w", new float[]{1, 2, 3, 4}, 2, 2, 1, 1);
        Value b = g.weight("b", new float[]{10, 20}, 2);
        g.output("y", g.conv(x, w, b), ElementType.FLOAT, "batch", 2, "h", "w");

        Tensor y = run(g.build(), Map.of("x", new Feed.Floats(Tensor.of(new float[]{1, 5}, 1, 2, 1, 1))), "y");

        // out0 = 1·1 + 2·5 + 10, out1 = 3·1 + 4·5 + 20
        assertThat(y.shape()).containsExactly(1, 2, 1, 1);
        assertThat(y.data()).containsExactly(21f, 43f);
    }

    @Test
    void anExternalPlaceholderIsBoundWhenTheSessionIsCreated() {
        OnnxGraph g = OnnxGraph.named("external");
        Value x = g.input("x", ElementType.FLOAT, "n", 3);
        Value w = g.external("proj.weight", ElementType.FLOAT, 3, 2);
        g.output("y", g.matMul(x, w), ElementType.FLOAT, "n", 2);
        Map<String, ai.onnxruntime.OnnxTensor> weights =
                Map.of("proj.weight", OnnxSession.weight(Tensor.of(new float[]{1, 0, 0, 1, 1, 1}, 3, 2)));

        try (OnnxSession s = OnnxSession.open(g.build(), "external", SessionSettings.defaults(), weights)) {
            Tensor y = s.run(Map.of("x", new Feed.Floats(Tensor.of(new float[]{2, 3, 4}, 1, 3))), List.of("y")).get("y");
            assertThat(y.data()).containsExactly(6f, 7f);
        }
    }

    @Test
    void symbolicDimensionsAreDeclaredAsAnySize() {
        OnnxGraph g = OnnxGraph.named("dims");
        Value x = g.input("sample", ElementType.FLOAT, "batch", 4, "height", "width");
        g.output("out", g.identity(x), ElementType.FLOAT, "batch", 4, "height", "width");

        try (OnnxSession s = OnnxSession.open(g.build(), "dims", SessionSettings.defaults())) {
            assertThat(s.input("sample").shape()).containsExactly(-1, 4, -1, -1);
            assertThat(s.input("sample").type()).contains(ElementType.FLOAT);
        }
    }

    @Test
    void nearestResizeRepeatsEachPixel() {
        OnnxGraph g = OnnxGraph.named("resize");
        Value x = g.input("x", ElementType.FLOAT, 1, 1, 1, 2);
        g.output("y", g.resizeNearest(x, 2, 2), ElementType.FLOAT, 1, 1, 2, 4);

        Tensor y = run(g.build(), Map.of("x", new Feed.Floats(Tensor.of(new float[]{1, 2}, 1, 1, 1, 2))), "y");

        assertThat(y.data()).containsExactly(1, 1, 2, 2, 1, 1, 2, 2);
    }

    @Test
    void groupNormalizationNormalisesEachGroup() {
        OnnxGraph g = OnnxGraph.named("gn");
        Value x = g.input("x", ElementType.FLOAT, 1, 2, 1, 2);
        Value scale = g.weight("scale", new float[]{1, 2}, 2);
        Value bias = g.weight("bias", new float[]{0, 10}, 2);
        g.output("y", g.groupNorm(x, scale, bias, 2, 0f), ElementType.FLOAT, 1, 2, 1, 2);

        Tensor y = run(g.build(), Map.of("x", new Feed.Floats(Tensor.of(new float[]{1, 3, 5, 9}, 1, 2, 1, 2))), "y");

        // group 0: mean 2, std 1 → −1, 1; group 1: mean 7, std 2 → −1, 1, then ·2 + 10
        assertThat(y.data()).containsExactly(-1f, 1f, 8f, 12f);
    }

    @Test
    void gatherReshapeAndConcatCompose() {
        OnnxGraph g = OnnxGraph.named("shapes");
        Value x = g.input("x", ElementType.FLOAT, 2, 3);
        Value second = g.gather(x, g.intScalar(1), 1);
        Value both = g.concat(0, second, g.reshape(g.slice(x, new long[]{0}, new long[]{1}, new long[]{1}), -1));
        g.output("y", both, ElementType.FLOAT, 4);

        Tensor y = run(g.build(), Map.of("x", new Feed.Floats(Tensor.of(new float[]{1, 2, 3, 4, 5, 6}, 2, 3))), "y");

        assertThat(y.data()).containsExactly(2f, 5f, 1f, 4f);
    }

    @Test
    void edgePaddingRepeatsTheBorder() {
        OnnxGraph g = OnnxGraph.named("pad");
        Value x = g.input("x", ElementType.FLOAT, 1, 2);
        g.output("y", g.pad(x, new long[]{0, 1, 0, 2}, "edge"), ElementType.FLOAT, 1, 5);

        Tensor y = run(g.build(), Map.of("x", new Feed.Floats(Tensor.of(new float[]{3, 4}, 1, 2))), "y");

        assertThat(y.data()).containsExactly(3, 3, 4, 4, 4);
    }

    @Test
    void gemmWithoutBiasMultipliesByTheTransposedWeight() {
        OnnxGraph g = OnnxGraph.named("gemm");
        Value x = g.input("x", ElementType.FLOAT, "n", 2);
        Value w = g.weight("w", new float[]{1, 2, 3, 4, 5, 6}, 3, 2);
        g.output("y", g.gemm(x, w, true), ElementType.FLOAT, "n", 3);

        Tensor y = run(g.build(), Map.of("x", new Feed.Floats(Tensor.of(new float[]{1, 10}, 1, 2))), "y");

        assertThat(y.data()).containsExactly(21f, 43f, 65f);
    }

    @Test
    void aValueNameCanBeDeclaredOnlyOnce() {
        OnnxGraph g = OnnxGraph.named("names");
        g.input("x", ElementType.FLOAT, 1);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> g.weight("x", new float[]{1}, 1))
                .hasMessage("the graph already has a value named x");
    }
}
