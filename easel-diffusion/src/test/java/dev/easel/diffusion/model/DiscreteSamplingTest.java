package dev.easel.diffusion.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DiscreteSamplingTest {

    /** Bit patterns of ComfyUI's current table (float64 maths, rounded once), printed by torch 1.13. */
    @Test
    void sigmaTableMatchesComfyUIsFloat64ComputationBitForBit() {
        double[] table = DiscreteSampling.eps().sigmaTable();
        assertThat(table).hasSize(1000);
        assertThat(new int[]{bits(table[0]), bits(table[1]), bits(table[500]), bits(table[999])})
                .containsExactly(0x3ceeeff7, 0x3d29394d, 0x3fcf23c3, 0x4169d592);
    }

    @Test
    void sigmaBoundsAreThoseOfSd15() {
        DiscreteSampling ms = DiscreteSampling.eps();
        assertThat(ms.sigmaMin()).isEqualTo((double) Float.intBitsToFloat(0x3ceeeff7));
        assertThat(ms.sigmaMax()).isEqualTo((double) Float.intBitsToFloat(0x4169d592));
    }

    @Test
    void timestepOfATableSigmaIsItsIndex() {
        DiscreteSampling ms = DiscreteSampling.eps();
        double[] table = ms.sigmaTable();
        assertThat(ms.timestep(table[0])).isEqualTo(0);
        assertThat(ms.timestep(table[321])).isEqualTo(321);
        assertThat(ms.timestep(table[999])).isEqualTo(999);
    }

    private static int bits(double v) {
        return Float.floatToRawIntBits((float) v);
    }
}
