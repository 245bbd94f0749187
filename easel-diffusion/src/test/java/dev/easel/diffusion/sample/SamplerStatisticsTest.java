package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Samplers that inject noise, on the Gaussian oracle N(0.5, 0.25): started from the noised data
 * distribution at σ_max, 300 Karras steps down to 0 must land on that distribution, within the
 * sampling error of 40,000 elements plus the method's discretisation error.
 */
class SamplerStatisticsTest {
    private static final double MEAN = 0.5, VARIANCE = 0.25;
    private static final GaussianOracle ORACLE = new GaussianOracle(MEAN, VARIANCE);
    private static final int ELEMENTS = 40_000, STEPS = 300;
    private static final double[] SIGMAS = Schedules.karras(STEPS, 0.03, 14.6, true);

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Sampler.class, names = {
            "EULER_ANCESTRAL", "EULER_ANCESTRAL_CFG_PP", "EXP_HEUN_2_X0_SDE", "DPM_2_ANCESTRAL",
            "DPMPP_2S_ANCESTRAL", "DPMPP_2S_ANCESTRAL_CFG_PP", "DPMPP_SDE", "DPMPP_SDE_GPU",
            "DPMPP_2M_SDE", "DPMPP_2M_SDE_GPU", "DPMPP_2M_SDE_HEUN", "DPMPP_2M_SDE_HEUN_GPU",
            "DPMPP_3M_SDE", "DPMPP_3M_SDE_GPU", "DDPM", "RES_MULTISTEP_ANCESTRAL",
            "RES_MULTISTEP_ANCESTRAL_CFG_PP", "ER_SDE", "SEEDS_2", "SEEDS_3", "SA_SOLVER", "SA_SOLVER_PECE"})
    void reproducesTheDataDistribution(Sampler sampler) {
        double[] moments = moments(run(sampler, 7));
        assertThat(moments[0]).isCloseTo(MEAN, org.assertj.core.data.Offset.offset(0.01));
        assertThat(moments[1]).isCloseTo(VARIANCE, org.assertj.core.data.Offset.offset(0.04 * VARIANCE));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Sampler.class, names = {"EULER_ANCESTRAL", "DPMPP_SDE", "DPMPP_2M_SDE", "SEEDS_3", "SA_SOLVER"})
    void differentNoiseGivesADifferentSample(Sampler sampler) {
        assertThat(run(sampler, 7).data()).isNotEqualTo(run(sampler, 8).data());
    }

    @Test
    void lcmRenoisesTheEstimateAtEveryStep() {
        // LCM jumps to D and renoises: with an exact denoiser the variance follows
        // Var' = g²·Var + σ_next², g = v/(v+σ²), from the start's own variance.
        Tensor start = ORACLE.noisedSample(new SeededNoise(1), new int[]{1, 1, 1, ELEMENTS}, SIGMAS[0]);
        double variance = moments(start)[1];
        for (int i = 0; i < SIGMAS.length - 1; i++) {
            double gain = VARIANCE / (VARIANCE + SIGMAS[i] * SIGMAS[i]);
            variance = gain * gain * variance + SIGMAS[i + 1] * SIGMAS[i + 1];
        }
        double[] moments = moments(Sampler.LCM.sample(ORACLE, start, SIGMAS, new SamplingContext(new SeededNoise(7), StepListener.NONE)));
        assertThat(moments[0]).isCloseTo(MEAN, org.assertj.core.data.Offset.offset(0.01));
        assertThat(moments[1]).isCloseTo(variance, org.assertj.core.data.Offset.offset(0.03 * variance));
    }

    private static Tensor run(Sampler sampler, long seed) {
        Tensor start = ORACLE.noisedSample(new SeededNoise(1), new int[]{1, 1, 1, ELEMENTS}, SIGMAS[0]);
        return sampler.sample(ORACLE, start, SIGMAS, new SamplingContext(new SeededNoise(seed), StepListener.NONE));
    }

    private static double[] moments(Tensor t) {
        double sum = 0, squares = 0;
        for (float v : t.data()) sum += v;
        double mean = sum / t.size();
        for (float v : t.data()) squares += (v - mean) * (v - mean);
        return new double[]{mean, squares / t.size()};
    }
}
