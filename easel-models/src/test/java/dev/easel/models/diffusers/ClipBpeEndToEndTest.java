package dev.easel.models.diffusers;

import dev.easel.models.onnx.SessionSettings;
import dev.easel.models.toy.ToyDiffusers;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Toy folders with a written CLIP vocabulary, loaded with the default CLIP BPE tokenizer. With the
 * words cat, dog, don't the vocabulary gives cat 513, dog 515, start 518, end 519; the toy encoder's
 * last_hidden_state is 3·id + j + 0.5 and its hidden_states.1 is 2·id + j.
 */
class ClipBpeEndToEndTest {
    private static final List<String> WORDS = List.of("cat", "dog", "don't");
    private static final DiffusersLoader LOADER = new DiffusersLoader(SessionSettings.defaults().withIntraOpThreads(1), TokenizerLoader.clipBpe());
    @TempDir
    Path dir;

    private DiffusersModel load(ToyDiffusers toy) throws IOException {
        return LOADER.load(toy.vocabulary(WORDS).writeTo(dir.resolve("model")));
    }

    @Test
    void theStartAndEndIdsAreTakenFromTheVocabulary() throws IOException {
        try (DiffusersModel m = load(ToyDiffusers.sd15())) {
            Tensor h = m.clip().encode("cat").entries().get(0).crossAttn();

            assertThat(IntStream.range(0, 4).mapToDouble(t -> h.get(0, t, 0)).toArray())
                    .containsExactly(3 * 518 + 0.5, 3 * 513 + 0.5, 3 * 519 + 0.5, 3 * 519 + 0.5);
        }
    }

    @Test
    void emphasisSyntaxWeighsTheTokensItEncloses() throws IOException {
        try (DiffusersModel m = load(ToyDiffusers.sd15())) {
            Tensor h = m.clip().encode("(cat:1.5) dog").entries().get(0).crossAttn();

            // cat: z = 1539.5, the empty prompt's token 1 is the end token, e = 1557.5: (z − e)·1.5 + e
            assertThat(h.get(0, 1, 0)).isEqualTo(1530.5f);
            assertThat(h.get(0, 2, 0)).isEqualTo(3 * 515 + 0.5f);
        }
    }

    @Test
    void sdxlsSecondTokenizerPadsWithTokenZeroAndTheFirstWithTheEndToken() throws IOException {
        try (DiffusersModel m = load(ToyDiffusers.sdxl())) {
            Tensor h = m.clip().encode("cat").entries().get(0).crossAttn();

            // token 3 is padding: CLIP-L's end token 519 (features 0–3), CLIP-G's token 0 (features 4–9)
            assertThat(IntStream.range(0, 10).mapToDouble(j -> h.get(0, 3, j)).toArray())
                    .containsExactly(1038, 1039, 1040, 1041, 0, 1, 2, 3, 4, 5);
        }
    }

    @Test
    void aMalformedVocabularyIsAnErrorNamingTheFile() {
        Path folder = ToyDiffusers.sd15().writeTo(dir.resolve("model"));

        // the placeholder vocab.json "{}" lacks CLIP's byte symbols
        assertThatThrownBy(() -> LOADER.load(folder))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(folder.resolve("tokenizer/vocab.json").toString());
    }
}
