package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class UniPcTest {
    private static final GaussianOracle ORACLE = new GaussianOracle(0.5, 0.25);

    @Test
    void singleStepOnlyRescalesTheStart() {
        // ComfyUI's order is min(3, #σ − 2) = 0 for one step: the model is evaluated once and no
        // update runs, so x comes back as x/√(1+σ₀²)/α(0.001).
        double sigma0 = 3.0;
        Tensor x = Tensor.full(2f, 1, 1, 1, 1);
        int[] evaluations = {0};
        Denoiser counting = (in, sigma) -> {
            evaluations[0]++;
            return ORACLE.predict(in, sigma);
        };
        float out = Sampler.UNI_PC.sample(counting, x, new double[]{sigma0, 0}, new SamplingContext(new SeededNoise(1), StepListener.NONE)).item();
        assertThat(out).isCloseTo((float) (2 / Math.sqrt(1 + sigma0 * sigma0) * Math.sqrt(1 + 1e-6)), offset(1e-6f));
        assertThat(evaluations[0]).isEqualTo(1);
    }

    @Test
    void evaluatesTheModelOncePerStep() {
        int[] evaluations = {0};
        Denoiser counting = (in, sigma) -> {
            evaluations[0]++;
            return ORACLE.predict(in, sigma);
        };
        double[] sigmas = Schedules.karras(8, 0.03, 14.6, true);
        Sampler.UNI_PC_BH2.sample(counting, Tensor.full(1f, 1, 1, 2, 2), sigmas, new SamplingContext(new SeededNoise(1), StepListener.NONE));
        assertThat(evaluations[0]).isEqualTo(sigmas.length - 1);
    }

    @Test
    void scheduleEndingInZeroEndsCloseToTheOdeSolution() {
        // A final σ of 0 becomes 0.001 and the last update runs without corrector; the result
        // still lands near the ODE solution μ + (x_T − μ)·√((v + 0.001²)/(v + σ_T²)).
        double[] sigmas = Schedules.karras(40, 0.03, 14.6, true);
        Tensor start = ORACLE.noisedSample(new SeededNoise(4), new int[]{1, 1, 4, 4}, sigmas[0]);
        Tensor out = Sampler.UNI_PC.sample(ORACLE, start, sigmas, new SamplingContext(new SeededNoise(1), StepListener.NONE));
        double[] exact = ORACLE.exact(start, sigmas[0], 0.001);
        for (int i = 0; i < exact.length; i++) assertThat((double) out.data()[i]).isCloseTo(exact[i], offset(2e-3));
    }
}
