package dev.easel.diffusion.numeric;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected bit patterns: {@code torch.linspace} of torch 1.13 on x86-64. */
class LinspaceTest {

    private static int[] bits(float[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Float.floatToRawIntBits(v[i]);
        return out;
    }

    @Test
    void floatValuesMatchTorchIncludingTheBackwardSecondHalf() {
        assertThat(bits(Linspace.floats(0, 1, 10))).containsExactly(0x00000000, 0x3de38e39, 0x3e638e39, 0x3eaaaaab,
                0x3ee38e39, 0x3f0e38e4, 0x3f2aaaab, 0x3f471c72, 0x3f638e39, 0x3f800000);
        assertThat(bits(Linspace.floats(-3.7, 12.2, 7))).containsExactly(0xc06ccccd, 0xbf866668, 0x3fccccca,
                0x40880000, 0x40dccccd, 0x4118cccd, 0x41433333);
    }

    @Test
    void descendingTimestepsMatchTorch() {
        assertThat(bits(Linspace.floats(999, 0, 10))).containsExactly(0x4479c000, 0x445e0000, 0x44424000, 0x44268000,
                0x440ac000, 0x43de0000, 0x43a68000, 0x435e0000, 0x42de0000, 0x00000000);
    }

    @Test
    void doubleValuesMatchTorch() {
        assertThat(Linspace.doubles(0.1, 0.9, 5)).containsExactly(0x1.999999999999ap-4, 0x1.3333333333334p-2,
                0x1.0000000000000p-1, 0x1.6666666666666p-1, 0x1.ccccccccccccdp-1);
    }

    @Test
    void oneStepIsTheStartAndNoStepsIsEmpty() {
        assertThat(Linspace.floats(3, 9, 1)).containsExactly(3f);
        assertThat(Linspace.floats(3, 9, 0)).isEmpty();
    }
}
