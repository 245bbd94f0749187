package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/**
 * CFG++ samplers step from the guided estimate D along the unconditional direction (x − U)/σ.
 * One step from σ = 2 to σ = 1 at x = 3 with D = 1 and U = 0.5: D + 1·(3 − 0.5)/2 = 2.25, where
 * the plain Euler step gives 3 + (3 − 1)/2·(1 − 2) = 2.
 */
class CfgPpSamplerTest {
    private static final Denoiser GUIDED = (x, sigma) ->
            new Prediction(Tensor.full(1f, x.shape()), Tensor.full(0.5f, x.shape()));
    private static final double[] SIGMAS = {2, 1};

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Sampler.class, names = {"EULER_CFG_PP", "DPMPP_2M_CFG_PP", "RES_MULTISTEP_CFG_PP", "GRADIENT_ESTIMATION_CFG_PP"})
    void firstStepRenoisesAlongTheUnconditionalDirection(Sampler sampler) {
        assertThat(step(sampler)).isCloseTo(2.25f, offset(1e-6f));
    }

    @Test
    void eulerStepsAlongTheGuidedDirection() {
        assertThat(step(Sampler.EULER)).isCloseTo(2f, offset(1e-6f));
    }

    private static float step(Sampler sampler) {
        Tensor x = Tensor.full(3f, 1, 1, 1, 1);
        return sampler.sample(GUIDED, x, SIGMAS, new SamplingContext(new SeededNoise(1), StepListener.NONE)).item();
    }
}
