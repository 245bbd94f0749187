package dev.easel.diffusion.guidance;

import dev.easel.diffusion.model.DiscreteSampling;
import dev.easel.diffusion.sample.Denoiser;
import dev.easel.diffusion.sample.Prediction;
import dev.easel.diffusion.sample.Sampler;
import dev.easel.diffusion.sample.SamplingContext;
import dev.easel.diffusion.sample.StepListener;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class InpaintDenoiserTest {
    private static final DiscreteSampling SAMPLING = DiscreteSampling.eps();
    private static final Tensor LATENT = Tensor.of(new float[]{1, 2, 3, 4, 5, 6, 7, 8}, 1, 2, 2, 2);
    private static final Tensor NOISE = Tensor.full(0.5f, 1, 2, 2, 2);
    /** Keep the left column, resample the right one. */
    private static final Tensor MASK = Tensor.of(new float[]{0, 1, 0, 1}, 1, 1, 2, 2);
    private static final Denoiser CONSTANT = (x, sigma) -> new Prediction(Tensor.full(-9f, x.shape()), Tensor.full(-7f, x.shape()));

    @Test
    void keptRegionOfTheEstimateIsTheLatentImage() {
        Prediction p = new InpaintDenoiser(CONSTANT, SAMPLING, LATENT, NOISE, MASK).predict(Tensor.zeros(1, 2, 2, 2), 3.0);
        assertThat(p.denoised().data()).containsExactly(1, -9, 3, -9, 5, -9, 7, -9);
    }

    @Test
    void unconditionalEstimatePassesThroughUnmasked() {
        Prediction p = new InpaintDenoiser(CONSTANT, SAMPLING, LATENT, NOISE, MASK).predict(Tensor.zeros(1, 2, 2, 2), 3.0);
        assertThat(p.unconditional().data()).containsOnly(-7f);
    }

    @Test
    void modelSeesTheLatentNoisedToSigmaWhereItIsKept() {
        List<Tensor> seen = new ArrayList<>();
        Denoiser recording = (x, sigma) -> {
            seen.add(x);
            return Prediction.unguided(x);
        };
        Tensor x = Tensor.full(10f, 1, 2, 2, 2);
        new InpaintDenoiser(recording, SAMPLING, LATENT, NOISE, MASK).predict(x, 3.0);
        // ε/v models renoise as latent + σ·noise: 1 + 1.5, 3 + 1.5, ...
        assertThat(seen.get(0).data()).containsExactly(2.5f, 10, 4.5f, 10, 6.5f, 10, 8.5f, 10);
    }

    @Test
    void maskWithoutChannelOrBatchCoversAllOfThem() {
        Tensor latent = Tensor.zeros(2, 3, 1, 2);
        Tensor mask = Tensor.of(new float[]{0, 1}, 1, 2);
        Prediction p = new InpaintDenoiser(CONSTANT, SAMPLING, latent, Tensor.zeros(2, 3, 1, 2), mask).predict(latent, 1.0);
        assertThat(p.denoised().data()).containsExactly(0, -9, 0, -9, 0, -9, 0, -9, 0, -9, 0, -9);
    }

    @Test
    void smallerMaskIsResizedBilinearly() {
        // A 1×2 mask [0, 1] stretched to 4 columns, torch-style (align_corners false):
        // 0, 0.25, 0.75, 1. The estimate is −9·m + latent·(1 − m) with latent 0.
        Tensor latent = Tensor.zeros(1, 1, 1, 4);
        Tensor mask = Tensor.of(new float[]{0, 1}, 1, 1, 1, 2);
        Prediction p = new InpaintDenoiser(CONSTANT, SAMPLING, latent, Tensor.zeros(1, 1, 1, 4), mask).predict(latent, 1.0);
        assertThat(p.denoised().data()).containsExactly(0f, -2.25f, -6.75f, -9f);
    }

    @Test
    void sampledLatentKeepsTheOriginalWhereMaskedOut() {
        double[] sigmas = {14.6, 7.0, 3.0, 1.0, 0.3, 0};
        Tensor start = SAMPLING.noiseScaling(sigmas[0], NOISE, LATENT, true);
        Tensor out = Sampler.EULER.sample(new InpaintDenoiser(CONSTANT, SAMPLING, LATENT, NOISE, MASK), start, sigmas,
                new SamplingContext(shape -> Tensor.zeros(shape), StepListener.NONE));
        float[] o = out.data(), l = LATENT.data();
        for (int i : new int[]{0, 2, 4, 6}) assertThat(o[i]).isCloseTo(l[i], offset(1e-5f));
        for (int i : new int[]{1, 3, 5, 7}) assertThat(o[i]).isCloseTo(-9f, offset(1e-5f));
    }
}
