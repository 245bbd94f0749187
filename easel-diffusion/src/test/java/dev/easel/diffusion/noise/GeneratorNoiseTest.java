package dev.easel.diffusion.noise;

import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected values: torch 1.13, one {@code torch.Generator} seeded once, two {@code torch.randn} calls. */
class GeneratorNoiseTest {

    private static int[] firstBits(Tensor t, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) out[i] = Float.floatToRawIntBits(t.data()[i]);
        return out;
    }

    @Test
    void eachCallContinuesTheSameGenerator() {
        GeneratorNoise noise = new GeneratorNoise(11);
        Tensor first = noise.next(new int[]{1, 4, 2, 2}), second = noise.next(new int[]{1, 4, 2, 2});
        assertThat(first.shape()).containsExactly(1, 4, 2, 2);
        assertThat(firstBits(first, 3)).containsExactly(0xbf02c3a1, 0x3f839e69, 0xbeb4d049);
        assertThat(firstBits(second, 3)).containsExactly(0x3e7dd443, 0x3fc94e59, 0xbfd1d9f9);
    }

    @Test
    void smallDrawsContinueThroughTheScalarSampler() {
        GeneratorNoise noise = new GeneratorNoise(11);
        Tensor first = noise.next(new int[]{1, 1, 1, 3}), second = noise.next(new int[]{1, 1, 1, 3});
        assertThat(firstBits(first, 3)).containsExactly(0x3f3cd549, 0x3ff91435, 0xbf331529);
        assertThat(firstBits(second, 3)).containsExactly(0xbfa6b1ae, 0xbf036527, 0xbe8a0b93);
    }
}
