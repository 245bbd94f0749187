package dev.easel.diffusion.noise;

import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected bit patterns come from ComfyUI's {@code prepare_noise} run with torch 1.13. */
class LatentNoiseTest {

    private static int[] bits(Tensor t, int item, int count) {
        int per = t.size() / t.dim(0);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) out[i] = Float.floatToRawIntBits(t.data()[item * per + i]);
        return out;
    }

    @Test
    void withoutBatchIndexTheWholeShapeIsOneDraw() {
        Tensor noise = LatentNoise.prepare(0, new int[]{1, 4, 2, 2}, Optional.empty());
        assertThat(noise.shape()).containsExactly(1, 4, 2, 2);
        assertThat(bits(noise, 0, 3)).containsExactly(0xbf901b85, 0xbf93808a, 0xbe804bd6);
    }

    @Test
    void batchIndicesGetTheNoiseOfTheirPositionInOrderAndWithRepeats() {
        Tensor noise = LatentNoise.prepare(7, new int[]{3, 4, 2, 2}, Optional.of(List.of(2, 0, 2)));
        assertThat(noise.shape()).containsExactly(3, 4, 2, 2);
        assertThat(bits(noise, 0, 3)).containsExactly(0xbdab10d9, 0xbcc054cb, 0x3e328f74);
        assertThat(bits(noise, 1, 3)).containsExactly(0xbf51f456, 0x3eca902b, 0x3f661ede);
        assertThat(bits(noise, 2, 3)).containsExactly(0xbdab10d9, 0xbcc054cb, 0x3e328f74);
    }

    @Test
    void smallItemsUseTheScalarSamplerWhoseSpareCarriesToTheNextItem() {
        Tensor noise = LatentNoise.prepare(9, new int[]{2, 1, 1, 3}, Optional.of(List.of(1, 0)));
        assertThat(bits(noise, 0, 3)).containsExactly(0x3eb11d7f, 0x3fa8b526, 0x3ebd4110);
        assertThat(bits(noise, 1, 3)).containsExactly(0x3d373439, 0x3ff4a37b, 0xbe6c935d);
    }

    @Test
    void anEmptyBatchIndexIsRejected() {
        assertThatThrownBy(() -> LatentNoise.prepare(0, new int[]{1, 4, 2, 2}, Optional.of(List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNegativeBatchIndexIsRejected() {
        assertThatThrownBy(() -> LatentNoise.prepare(0, new int[]{1, 4, 2, 2}, Optional.of(List.of(-1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
