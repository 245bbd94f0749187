package dev.easel.models.onnx;

import dev.easel.models.onnx.graph.OnnxGraph;
import dev.easel.models.onnx.graph.Value;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnnxSessionTest {

    /** y = cast(x → float) · 2, with x declared as {@code type}. */
    private static OnnxSession doubling(ElementType type) {
        OnnxGraph g = OnnxGraph.named("double");
        Value x = g.input("x", type, "n");
        g.output("y", g.mul(g.cast(x, ElementType.FLOAT), g.scalar(2)), ElementType.FLOAT, "n");
        return OnnxSession.open(g.build(), "double-" + type, SessionSettings.defaults());
    }

    private static float[] doubled(ElementType type, Feed feed) {
        try (OnnxSession s = doubling(type)) {
            return s.run(Map.of("x", feed), List.of("y")).get("y").data();
        }
    }

    @Test
    void floatsAreRoundedToFloat16ForAHalfPrecisionInput() {
        // 1/3 in float16 is 0.333251953125
        assertThat(doubled(ElementType.FLOAT16, Feed.of(Tensor.of(new float[]{1f / 3, 2.5f}, 2))))
                .containsExactly(0.66650390625f, 5f);
    }

    @Test
    void floatsGivenToAnInt64InputAreRounded() {
        assertThat(doubled(ElementType.INT64, Feed.of(Tensor.of(new float[]{999f, 1.6f}, 2))))
                .containsExactly(1998f, 4f);
    }

    @Test
    void intsAreFedToAnInt32Input() {
        assertThat(doubled(ElementType.INT32, Feed.ints(new long[]{49406, 7}, 2))).containsExactly(98812f, 14f);
    }

    @Test
    void aFloat16OutputIsReadAsFloat32() {
        OnnxGraph g = OnnxGraph.named("half-out");
        Value x = g.input("x", ElementType.FLOAT, 1);
        g.output("y", g.cast(x, ElementType.FLOAT16), ElementType.FLOAT16, 1);
        try (OnnxSession s = OnnxSession.open(g.build(), "half-out", SessionSettings.defaults())) {
            assertThat(s.run(Map.of("x", Feed.of(Tensor.of(new float[]{0.1f}, 1))), List.of("y")).get("y").data())
                    .containsExactly(Float.float16ToFloat(Float.floatToFloat16(0.1f)));
        }
    }

    @Test
    void aShapeThatDoesNotFitTheDeclarationIsAnErrorNamingTheInput() {
        OnnxGraph g = OnnxGraph.named("fixed");
        Value x = g.input("sample", ElementType.FLOAT, "batch", 4);
        g.output("y", g.identity(x), ElementType.FLOAT, "batch", 4);
        try (OnnxSession s = OnnxSession.open(g.build(), "unet", SessionSettings.defaults())) {
            assertThatThrownBy(() -> s.run(Map.of("sample", Feed.of(Tensor.zeros(1, 3))), List.of("y")))
                    .hasMessage("unet input sample is declared [-1, 4] (−1: any size) but was given [1, 3]");
        }
    }

    @Test
    void askingForAnUndeclaredOutputNamesTheDeclaredOnes() {
        try (OnnxSession s = doubling(ElementType.FLOAT)) {
            assertThatThrownBy(() -> s.run(Map.of("x", Feed.of(Tensor.zeros(1))), List.of("z")))
                    .hasMessage("double-FLOAT has no output z; it declares [y]");
        }
    }

    @Test
    void aClosedSessionRefusesToRun() {
        OnnxSession s = doubling(ElementType.FLOAT);
        s.close();
        assertThatThrownBy(() -> s.run(Map.of("x", Feed.of(Tensor.zeros(1))), List.of("y")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was closed");
    }

    @Test
    void aMissingModelFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("unet/model.onnx");
        assertThatThrownBy(() -> OnnxSession.open(missing, SessionSettings.defaults()))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(missing.toString());
    }
}
