package dev.easel.models.diffusers;

import dev.easel.diffusion.cond.ConditioningEntry;
import dev.easel.diffusion.cond.ConditioningEntry.SizeConditioning;
import dev.easel.models.onnx.ElementType;
import dev.easel.models.toy.ToyDiffusers;
import dev.easel.models.toy.ToyUnet;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The toy UNet computes 2·sample + timestep + context[−1, −1] (+ SDXL terms); see {@link ToyUnet}. */
class OnnxUnetTest {
    @TempDir
    Path dir;

    private static ConditioningEntry context(float value, int tokens, int dim) {
        return ConditioningEntry.of(Tensor.full(value, 1, tokens, dim), Optional.empty());
    }

    private static Tensor rows(float... values) {
        float[] data = new float[values.length * 4];
        for (int i = 0; i < data.length; i++) data[i] = values[i / 4];
        return Tensor.of(data, values.length, 4, 1, 1);
    }

    @Test
    void eachRowGetsItsOwnTimestepAndConditioning() throws IOException {
        try (DiffusersModel m = Toys.load(ToyDiffusers.sd15(), dir)) {
            Tensor out = m.unet().apply(rows(1, 3), new double[]{999, 10}, List.of(context(5, 77, 768), context(7, 77, 768)));

            assertThat(out.shape()).containsExactly(2, 4, 1, 1);
            assertThat(out.data()).containsExactly(1006, 1006, 1006, 1006, 23, 23, 23, 23);
        }
    }

    @Test
    void anExportWithABatchOfOneIsRunRowByRow() throws IOException {
        try (DiffusersModel m = Toys.load(ToyDiffusers.sd15().unet(ToyUnet.sd(ElementType.FLOAT, 768).withBatchOfOne()), dir)) {
            Tensor out = m.unet().apply(rows(1, 3), new double[]{999, 10}, List.of(context(5, 77, 768), context(7, 77, 768)));

            assertThat(out.data()).containsExactly(1006, 1006, 1006, 1006, 23, 23, 23, 23);
        }
    }

    @Test
    void aFloatTimestepKeepsItsFraction() throws IOException {
        try (DiffusersModel m = Toys.load(ToyDiffusers.sd15(), dir)) {
            Tensor out = m.unet().apply(rows(0), new double[]{499.5}, List.of(context(0, 77, 768)));

            assertThat(out.data()).containsOnly(499.5f);
        }
    }

    @Test
    void anInt64TimestepIsGivenAsAWholeNumber() throws IOException {
        try (DiffusersModel m = Toys.load(ToyDiffusers.sd15().unet(ToyUnet.sd(ElementType.INT64, 768)), dir)) {
            Tensor out = m.unet().apply(rows(0), new double[]{998.9999}, List.of(context(0, 77, 768)));

            assertThat(out.data()).containsOnly(999f);
        }
    }

    @Test
    void conditioningsOfDifferentLengthsAreRepeatedToTheirCommonMultiple() throws IOException {
        // 77 tokens whose last is 3, and 154 whose last is 4: repeated twice, the short one still ends in 3
        float[] shortOne = new float[77 * 768];
        shortOne[shortOne.length - 1] = 3;
        float[] longOne = new float[154 * 768];
        longOne[longOne.length - 1] = 4;
        List<ConditioningEntry> conds = List.of(
                ConditioningEntry.of(Tensor.of(shortOne, 1, 77, 768), Optional.empty()),
                ConditioningEntry.of(Tensor.of(longOne, 1, 154, 768), Optional.empty()));
        try (DiffusersModel m = Toys.load(ToyDiffusers.sd15(), dir)) {
            Tensor out = m.unet().apply(rows(0, 0), new double[]{0, 0}, conds);

            assertThat(out.data()).containsExactly(3, 3, 3, 3, 4, 4, 4, 4);
        }
    }

    @Test
    void sdxlSizeConditioningDefaultsToTheLatentSizeInPixels() throws IOException {
        // latent 8×6 → 64×48 pixels: time_ids [64, 48, 0, 0, 64, 48]
        ConditioningEntry cond = ConditioningEntry.of(Tensor.ones(1, 77, 10), Optional.of(Tensor.of(new float[]{2, 0, 0, 0, 0, 0}, 1, 6)));
        try (DiffusersModel m = Toys.load(ToyDiffusers.sdxl(), dir)) {
            Tensor out = m.unet().apply(Tensor.zeros(1, 4, 8, 6), new double[]{500}, List.of(cond));

            // 0 + 500 + 1 + 2, then channel c: time_ids[c] + 1000·time_ids[c + 2]
            assertThat(new float[]{out.get(0, 0, 0, 0), out.get(0, 1, 7, 5), out.get(0, 2, 3, 3), out.get(0, 3, 0, 5)})
                    .containsExactly(503 + 64, 503 + 48, 503 + 64_000, 503 + 48_000);
        }
    }

    @Test
    void sdxlSizeConditioningComesFromTheEntryWhenANodeSetIt() throws IOException {
        ConditioningEntry cond = new ConditioningEntry(Tensor.ones(1, 77, 10), Optional.of(Tensor.of(new float[]{2, 0, 0, 0, 0, 0}, 1, 6)),
                1.0, Optional.empty(), Optional.of(new SizeConditioning(1024, 768, 16, 32, 2048, 1536)));
        try (DiffusersModel m = Toys.load(ToyDiffusers.sdxl(), dir)) {
            Tensor out = m.unet().apply(Tensor.zeros(1, 4, 1, 1), new double[]{500}, List.of(cond));

            // time_ids [768, 1024, 32, 16, 1536, 2048]
            assertThat(out.data()).containsExactly(503 + 768 + 32_000, 503 + 1024 + 16_000, 503 + 32 + 1_536_000, 503 + 16 + 2_048_000);
        }
    }

    @Test
    void sdxlWithoutAPooledEmbeddingIsAnErrorSayingWhatIsMissing() throws IOException {
        try (DiffusersModel m = Toys.load(ToyDiffusers.sdxl(), dir)) {
            assertThatThrownBy(() -> m.unet().apply(Tensor.zeros(1, 4, 1, 1), new double[]{1}, List.of(context(1, 77, 10))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is an SDXL UNet and needs a pooled text embedding");
        }
    }

    @Test
    void rowsTimestepsAndConditioningsMustAgreeInNumber() throws IOException {
        try (DiffusersModel m = Toys.load(ToyDiffusers.sd15(), dir)) {
            assertThatThrownBy(() -> m.unet().apply(rows(0, 0), new double[]{1}, List.of(context(0, 77, 768))))
                    .hasMessage("apply got 2 rows, 1 timesteps and 1 conditionings");
        }
    }
}
