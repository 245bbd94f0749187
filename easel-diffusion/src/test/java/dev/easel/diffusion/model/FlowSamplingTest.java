package dev.easel.diffusion.model;

import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FlowSamplingTest {

    private final FlowSampling sd3 = FlowSampling.sd3(3.0);

    @Test
    void tableRunsFromTheShiftedFirstTimestepToOne() {
        // σ(0.001) = 3·0.001 / (1 + 2·0.001) = 0.0029940119…; bits as torch holds them.
        assertThat(sd3.sigmaMin()).isCloseTo(0.003 / 1.002, within(1e-9));
        assertThat(Float.floatToRawIntBits((float) sd3.sigmaMin())).isEqualTo(0x3b443730);
        assertThat(sd3.sigmaMax()).isEqualTo(1.0);
        assertThat(sd3.sigmaTable()).hasSize(1000);
        assertThat(sd3.sigmaTable()[499]).isEqualTo(0.75);
    }

    @Test
    void timestepIsSigmaTimesTheMultiplier() {
        assertThat(sd3.timestep(0.5)).isEqualTo(500.0);
        assertThat(sd3.timestep(1.0)).isEqualTo(1000.0);
    }

    @Test
    void sigmaOfTimestepIsTheShiftedFraction() {
        // t = 0.25: 3·0.25 / (1 + 2·0.25) = 0.5.
        assertThat(sd3.sigma(250)).isEqualTo(0.5);
        assertThat(FlowSampling.sd3(1.0).sigma(250)).isEqualTo(0.25);
    }

    @Test
    void sigmaAndTimestepRoundTrip() {
        for (double t : new double[]{1, 100, 333, 500, 999, 1000}) {
            double sigma = sd3.sigma(t);
            double back = sigma / (3.0 - 2.0 * sigma) * 1000;
            assertThat(back).isCloseTo(t, within(1e-3 * Math.max(1, t)));
        }
    }

    @Test
    void inputIsTheLatentItself() {
        Tensor x = Tensor.of(new float[]{1f, -2f}, 1, 2);
        assertThat(sd3.calculateInput(0.7, x).data()).containsExactly(1f, -2f);
    }

    @Test
    void denoisedIsXMinusSigmaTimesVelocity() {
        Tensor x = Tensor.of(new float[]{1f, -2f, 0.5f}, 1, 3);
        Tensor v = Tensor.of(new float[]{2f, 4f, -1f}, 1, 3);
        assertThat(sd3.calculateDenoised(0.25, v, x).data()).containsExactly(0.5f, -3f, 0.75f);
    }

    @Test
    void noiseScalingMixesNoiseAndLatentOnTheLine() {
        Tensor noise = Tensor.of(new float[]{4f, -8f}, 1, 2), latent = Tensor.of(new float[]{2f, 1f}, 1, 2);
        // 0.25·noise + 0.75·latent
        assertThat(sd3.noiseScaling(0.25, noise, latent, true).data()).containsExactly(2.5f, -1.25f);
    }

    @Test
    void inverseNoiseScalingDividesByOneMinusSigma() {
        Tensor latent = Tensor.of(new float[]{3f, -1.5f}, 1, 2);
        assertThat(sd3.inverseNoiseScaling(0.25, latent).data()).containsExactly(4f, -2f);
    }

    @Test
    void noiseScalingOfZeroNoiseThenInverseGivesTheLatentBack() {
        Tensor latent = Tensor.of(new float[]{4f, -2f, 1f}, 1, 3), zero = Tensor.zeros(1, 3);
        Tensor back = sd3.inverseNoiseScaling(0.5, sd3.noiseScaling(0.5, zero, latent, false));
        assertThat(back.data()).containsExactly(4f, -2f, 1f);
    }
}
