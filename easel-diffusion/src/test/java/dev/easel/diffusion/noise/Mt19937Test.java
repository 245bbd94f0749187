package dev.easel.diffusion.noise;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Mt19937Test {

    @Test
    void defaultSeedGivesThePublishedFirstOutputs() {
        Mt19937 mt = new Mt19937(5489);
        long[] first = new long[5];
        for (int i = 0; i < first.length; i++) first[i] = mt.nextInt() & 0xFFFFFFFFL;
        assertThat(first).containsExactly(3499211612L, 581869302L, 3890346734L, 3586334585L, 545404204L);
    }

    @Test
    void defaultSeedGivesTheStandardsTenThousandthOutput() {
        Mt19937 mt = new Mt19937(5489);
        for (int i = 1; i < 10000; i++) mt.nextInt();
        assertThat(mt.nextInt() & 0xFFFFFFFFL).isEqualTo(4123659995L);
    }
}
