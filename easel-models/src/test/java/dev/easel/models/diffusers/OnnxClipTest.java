package dev.easel.models.diffusers;

import dev.easel.diffusion.cond.ConditioningEntry;
import dev.easel.models.ClipModel;
import dev.easel.models.onnx.ElementType;
import dev.easel.models.toy.ToyDiffusers;
import dev.easel.models.toy.ToyTextEncoder;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The toy encoder's hidden_states.k = id·(k + 1) + j and last_hidden_state = 3·id + j + 0.5 (two
 * layers); its pooled output is last_hidden_state at token 1. Prompts are ids ({@code ToyTokenizer}).
 */
class OnnxClipTest {
    private static final int START = 49406, END = 49407;
    @TempDir
    Path dir;

    private static ConditioningEntry only(ClipModel clip, String text) {
        var c = clip.encode(text);
        assertThat(c.entries()).hasSize(1);
        return c.entries().get(0);
    }

    @Test
    void aShortPromptIsOneChunkOf77TokensFromTheLastHiddenState() throws IOException {
        try (DiffusersModel m = Toys.load(ToyDiffusers.sd15(), dir)) {
            Tensor h = only(m.clip(), "5 7").crossAttn();

            assertThat(h.shape()).containsExactly(1, 77, 768);
            assertThat(h.get(0, 0, 0)).isEqualTo(3f * START + 0.5f);
            assertThat(h.get(0, 1, 0)).isEqualTo(15.5f);
            assertThat(h.get(0, 2, 767)).isEqualTo(21 + 767 + 0.5f);
            assertThat(h.get(0, 76, 0)).isEqualTo(3f * END + 0.5f);
        }
    }

    @Test
    void thePooledOutputIsTheFirstChunks() throws IOException {
        String eightyWords = IntStream.rangeClosed(1, 80).mapToObj(Integer::toString).collect(Collectors.joining(" "));
        try (DiffusersModel m = Toys.load(ToyDiffusers.sd15(), dir)) {
            ConditioningEntry e = only(m.clip(), eightyWords);

            assertThat(e.pooled()).isPresent();
            assertThat(e.pooled().get().shape()).containsExactly(1, 768);
            assertThat(e.pooled().get().get(0, 0)).isEqualTo(3.5f);
        }
    }

    @Test
    void chunksAreConcatenatedAlongTheTokens() throws IOException {
        String eightyWords = IntStream.rangeClosed(1, 80).mapToObj(Integer::toString).collect(Collectors.joining(" "));
        try (DiffusersModel m = Toys.load(ToyDiffusers.sd15(), dir)) {
            Tensor h = only(m.clip(), eightyWords).crossAttn();

            assertThat(h.shape()).containsExactly(1, 154, 768);
            assertThat(h.get(0, 75, 0)).isEqualTo(3 * 75 + 0.5f);
            assertThat(h.get(0, 77, 0)).isEqualTo(3f * START + 0.5f);
            assertThat(h.get(0, 78, 0)).isEqualTo(3 * 76 + 0.5f);
        }
    }

    @Test
    void aWeightedTokenIsPushedAwayFromTheEmptyPromptByItsWeight() throws IOException {
        try (DiffusersModel m = Toys.load(ToyDiffusers.sd15(), dir)) {
            Tensor h = only(m.clip(), "5 7:2").crossAttn();

            // token 2: z = 21.5 + j; the empty prompt has the end token there: e = 3·49407 + j + 0.5
            // (z − e)·2 + e = j − 148178.5
            assertThat(h.get(0, 2, 0)).isEqualTo(-148178.5f);
            assertThat(h.get(0, 2, 10)).isEqualTo(-148168.5f);
        }
    }

    @Test
    void tokensOfWeightOneAreUnchangedInAWeightedPrompt() throws IOException {
        try (DiffusersModel m = Toys.load(ToyDiffusers.sd15(), dir)) {
            Tensor h = only(m.clip(), "5 7:2").crossAttn();

            assertThat(h.get(0, 1, 0)).isEqualTo(15.5f);
            assertThat(h.get(0, 3, 0)).isEqualTo(3f * END + 0.5f);
        }
    }

    @Test
    void sd2PadsWithTokenZero() throws IOException {
        try (DiffusersModel m = Toys.load(ToyDiffusers.sd2v(), dir)) {
            Tensor h = only(m.clip(), "5").crossAttn();

            assertThat(h.shape()).containsExactly(1, 77, 1024);
            assertThat(h.get(0, 2, 0)).isEqualTo(3f * END + 0.5f);
            assertThat(h.get(0, 3, 1023)).isEqualTo(1023.5f);
        }
    }

    /** The toy's normed layer k for token id at every feature, computed here in double (see {@link ToyTextEncoder}). */
    private static double[] normedLayer(int k, long id, int dim) {
        double[] h = new double[dim];
        double mean = 0, var = 0;
        for (int j = 0; j < dim; j++) {
            h[j] = id * (k + 1.0) + j + (k + 1.0) * Math.sin((float) id) * j * j;
            mean += h[j] / dim;
        }
        for (int j = 0; j < dim; j++) var += (h[j] - mean) * (h[j] - mean) / dim;
        for (int j = 0; j < dim; j++) h[j] = (h[j] - mean) / Math.sqrt(var + 1e-5) * ToyTextEncoder.gamma(j) + ToyTextEncoder.beta(j);
        return h;
    }

    private static ToyDiffusers sd1WithFinalNorm() {
        return ToyDiffusers.sd15()
                .textEncoder(ToyTextEncoder.of(ElementType.INT32, 8).withFinalNorm())
                .unet(dev.easel.models.toy.ToyUnet.sd(ElementType.FLOAT, 8));
    }

    @Test
    void sd1LastLayerMinusTwoIsThePenultimateLayerThroughTheFinalNorm() throws IOException {
        try (DiffusersModel m = Toys.load(sd1WithFinalNorm(), dir)) {
            Tensor h = only(m.clip().withLastLayer(-2), "5 7").crossAttn();

            double[] expected = normedLayer(1, 7, 8);
            for (int j = 0; j < 8; j++) assertThat((double) h.get(0, 2, j)).isCloseTo(expected[j], within(1e-3));
        }
    }

    @Test
    void theDefaultLayerOfSd1IsLastHiddenStateAsExported() throws IOException {
        // also checks this test's normedLayer against ONNX Runtime's LayerNormalization
        try (DiffusersModel m = Toys.load(sd1WithFinalNorm(), dir)) {
            Tensor h = only(m.clip(), "5 7").crossAttn();

            double[] expected = normedLayer(2, 5, 8);
            for (int j = 0; j < 8; j++) assertThat((double) h.get(0, 1, j)).isCloseTo(expected[j], within(1e-3));
        }
    }

    @Test
    void aLastHiddenStateThatIsNoLayerNormOfTheLastLayerIsAnErrorForDeeperLayers() throws IOException {
        // the plain toy's last_hidden_state is hidden_states.2 + 0.5, no layer norm
        try (DiffusersModel m = Toys.load(ToyDiffusers.sd15(), dir)) {
            assertThatThrownBy(() -> m.clip().withLastLayer(-2).encode("5"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot recover the final layer norm");
        }
    }

    @Test
    void sdxlLastLayerMinusOneReadsTheLastHiddenStatesWithoutTheNorm() throws IOException {
        try (DiffusersModel m = Toys.load(ToyDiffusers.sdxl(), dir)) {
            Tensor h = only(m.clip().withLastLayer(-1), "5").crossAttn();

            // hidden_states.2 = 3·id + j, for CLIP-L then CLIP-G
            assertThat(h.get(0, 1, 0)).isEqualTo(15f);
            assertThat(h.get(0, 1, 4)).isEqualTo(15f);
        }
    }

    @Test
    void lastLayerMinusOneIsTheDefault() throws IOException {
        try (DiffusersModel m = Toys.load(ToyDiffusers.sd15(), dir)) {
            assertThat(only(m.clip().withLastLayer(-1), "5").crossAttn().get(0, 1, 0)).isEqualTo(15.5f);
        }
    }

    @Test
    void aLayerDeeperThanTheModelFallsBackToTheLast() throws IOException {
        try (DiffusersModel m = Toys.load(ToyDiffusers.sd15(), dir)) {
            assertThat(only(m.clip().withLastLayer(-24), "5").crossAttn().get(0, 1, 0)).isEqualTo(15.5f);
        }
    }

    @Test
    void aHiddenLayerOfAnEncoderExportedWithoutHiddenStatesIsAClearError() throws IOException {
        ToyDiffusers toy = ToyDiffusers.sd15().textEncoder(ToyTextEncoder.of(ElementType.INT32, 768).withoutHiddenStates());
        try (DiffusersModel m = Toys.load(toy, dir)) {
            ClipModel skipped = m.clip().withLastLayer(-2);

            assertThatThrownBy(() -> skipped.encode("5"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("exports no hidden_states.N outputs, so hidden layer -2 cannot be read");
        }
    }

    @Test
    void aLayerViewDoesNotCloseTheSharedEncoders() throws IOException {
        try (DiffusersModel m = Toys.load(ToyDiffusers.sd15(), dir)) {
            ((AutoCloseable) m.clip().withLastLayer(-2)).close();

            assertThat(only(m.clip(), "5").crossAttn().get(0, 1, 0)).isEqualTo(15.5f);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void sdxlConcatenatesThePenultimateLayersOfBothEncodersOnTheFeatureAxis() throws IOException {
        try (DiffusersModel m = Toys.load(ToyDiffusers.sdxl(), dir)) {
            Tensor h = only(m.clip(), "5").crossAttn();

            // hidden_states.1 = 2·id + j: CLIP-L's 4 features, then CLIP-G's 6
            assertThat(h.shape()).containsExactly(1, 77, 10);
            assertThat(IntStream.range(0, 10).mapToDouble(j -> h.get(0, 1, j)).toArray())
                    .containsExactly(10, 11, 12, 13, 10, 11, 12, 13, 14, 15);
        }
    }

    @Test
    void sdxlPoolsFromTheSecondEncodersProjection() throws IOException {
        try (DiffusersModel m = Toys.load(ToyDiffusers.sdxl(), dir)) {
            Tensor pooled = only(m.clip(), "5").pooled().orElseThrow();

            assertThat(pooled.shape()).containsExactly(1, 6);
            assertThat(pooled.data()).containsExactly(15.5f, 16.5f, 17.5f, 18.5f, 19.5f, 20.5f);
        }
    }
}
