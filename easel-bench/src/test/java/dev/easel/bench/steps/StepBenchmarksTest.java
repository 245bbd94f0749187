package dev.easel.bench.steps;

import dev.easel.tensor.Tensor;
import dev.easel.tensor.image.DecodedImage;
import dev.easel.tensor.image.ImageDecoding;
import dev.easel.tensor.image.Pixels8;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The step benchmarks' methods, each called once outside JMH: what they evaluate and produce. */
class StepBenchmarksTest {

    @ParameterizedTest
    @ValueSource(strings = {"euler", "euler_ancestral", "dpmpp_2m", "dpmpp_2m_sde", "uni_pc"})
    void guidedRunEvaluatesBothRowsOncePerStep(String sampler) {
        SamplerSteps bench = samplerSteps(sampler);

        Tensor out = bench.guided();

        assertThat(bench.model.calls()).isEqualTo(SamplerSteps.STEPS);
        assertThat(bench.model.rows()).isEqualTo(2L * SamplerSteps.STEPS);
        assertThat(out.shape()).containsExactly(1, 4, 64, 64);
        for (float v : out.data()) assertThat(v).isFinite();
    }

    @Test
    void guidedEulerFollowsTheFreeModelsOde() {
        SamplerSteps bench = samplerSteps("euler");
        double[] sigmas = bench.sigmas();

        Tensor out = bench.guided();

        // cond and uncond agree, so D = x − σ·ε with ε = GAIN·x/√(σ²+1), and each Euler step scales x
        double scale = Math.sqrt(1 + sigmas[0] * sigmas[0]);
        for (int i = 0; i < sigmas.length - 1; i++) {
            scale *= 1 + FreeModel.GAIN * (sigmas[i + 1] - sigmas[i]) / Math.sqrt(sigmas[i] * sigmas[i] + 1);
        }
        float[] start = Latents.noise(0).data();
        for (int i = 0; i < start.length; i += 997) {
            assertThat((double) out.data()[i]).isCloseTo(start[i] * scale, org.assertj.core.data.Offset.offset(1e-3 * (1 + Math.abs(start[i] * scale))));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"euler", "uni_pc"})
    void unguidedRunLeavesTheModelAlone(String sampler) {
        SamplerSteps bench = samplerSteps(sampler);

        Tensor out = bench.unguided();

        assertThat(bench.model.calls()).isZero();
        assertThat(out.shape()).containsExactly(1, 4, 64, 64);
        assertThat(bench.sigmas()).hasSize(SamplerSteps.STEPS + 1);
    }

    @Test
    void guidanceIsOneModelCallOnTwoRows() {
        StepParts parts = stepParts();

        assertThat(parts.guidance().denoised().shape()).containsExactly(1, 4, 64, 64);
        assertThat(parts.model.calls()).isEqualTo(1);
        assertThat(parts.model.rows()).isEqualTo(2);
        assertThat(parts.freeModel().shape()).containsExactly(2, 4, 64, 64);
    }

    @Test
    void previewPartsMakeTheImagesTheServerSends() throws Exception {
        StepParts parts = stepParts();

        Pixels8 rgb = parts.latent2rgb();
        DecodedImage jpeg = ImageDecoding.decode(parts.previewJpeg());
        DecodedImage again = ImageDecoding.decode(parts.jpegEncode());

        assertThat(rgb.width()).isEqualTo(64);
        assertThat(rgb.height()).isEqualTo(64);
        assertThat(rgb.channels()).isEqualTo(3);
        assertThat(jpeg.width()).isEqualTo(StepParts.PREVIEW_SIZE);
        assertThat(jpeg.height()).isEqualTo(StepParts.PREVIEW_SIZE);
        assertThat(again.width()).isEqualTo(StepParts.PREVIEW_SIZE);
    }

    private static SamplerSteps samplerSteps(String sampler) {
        SamplerSteps bench = new SamplerSteps();
        bench.sampler = sampler;
        bench.setUp();
        return bench;
    }

    private static StepParts stepParts() {
        StepParts parts = new StepParts();
        parts.setUp();
        return parts;
    }
}
