package dev.easel.diffusion.model;

import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FluxSamplingTest {

    private final FluxSampling flux = FluxSampling.of(1.15);

    @Test
    void defaultShiftIsOnePointOneFive() {
        assertThat(FluxSampling.standard().shift()).isEqualTo(1.15);
    }

    @Test
    void sigmaIsTheLogisticOfShiftAtHalfTime() {
        // e^μ/(e^μ + 1) = 1/(1 + e^−1.15) at t = ½.
        assertThat(flux.sigma(0.5)).isCloseTo(1 / (1 + Math.exp(-1.15)), within(1e-7));
    }

    @Test
    void tableHasTenThousandEntriesFromTheFirstTimestepToOne() {
        // e^1.15 / (e^1.15 + 9999) = 3.1575e-4; bits as torch holds them.
        assertThat(flux.sigmaTable()).hasSize(10000);
        assertThat(flux.sigmaMin()).isCloseTo(Math.exp(1.15) / (Math.exp(1.15) + 9999), within(1e-9));
        assertThat(Float.floatToRawIntBits((float) flux.sigmaMin())).isEqualTo(0x39a58b67);
        assertThat(Float.floatToRawIntBits((float) flux.sigmaTable()[4999])).isEqualTo(0x3f426f4f);
        assertThat(flux.sigmaMax()).isEqualTo(1.0);
    }

    @Test
    void timestepIsSigmaItself() {
        assertThat(flux.timestep(0.625)).isEqualTo(0.625);
    }

    @Test
    void sigmaOfTimestepOfSigmaIsTheLogisticInverse() {
        for (double t : new double[]{0.1, 0.3, 0.5, 0.9}) {
            double sigma = flux.sigma(t);
            double back = 1 / (1 + Math.exp(1.15) * (1 - sigma) / sigma);
            assertThat(back).isCloseTo(t, within(1e-6));
        }
    }

    @Test
    void outputsFollowTheFlowParameterisation() {
        Tensor x = Tensor.of(new float[]{1f, -2f}, 1, 2), v = Tensor.of(new float[]{2f, 4f}, 1, 2);
        assertThat(flux.calculateInput(0.5, x)).isSameAs(x);
        assertThat(flux.calculateDenoised(0.25, v, x).data()).containsExactly(0.5f, -3f);
        assertThat(flux.noiseScaling(0.25, Tensor.of(new float[]{4f, -8f}, 1, 2), Tensor.of(new float[]{2f, 1f}, 1, 2), false).data())
                .containsExactly(2.5f, -1.25f);
        assertThat(flux.inverseNoiseScaling(0.25, Tensor.of(new float[]{3f, -1.5f}, 1, 2)).data()).containsExactly(4f, -2f);
    }
}
