package dev.easel.diffusion.preview;

import dev.easel.tensor.image.Pixels8;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PillowBilinearTest {

    private static Pixels8 image(int w, int h, int... samples) {
        byte[] b = new byte[samples.length];
        for (int i = 0; i < b.length; i++) b[i] = (byte) samples[i];
        return new Pixels8(w, h, 3, b);
    }

    private static int[] samples(Pixels8 p) {
        int[] out = new int[p.data().length];
        for (int i = 0; i < out.length; i++) out[i] = p.data()[i] & 0xFF;
        return out;
    }

    /** Expected bytes: Pillow 9.4, {@code ImageOps.contain(img, (7, 7), BILINEAR)} of the same 3×2 image. */
    @Test
    void enlargingMatchesPillowByteForByte() {
        Pixels8 src = image(3, 2, 0, 10, 250, 128, 64, 32, 255, 255, 0, 5, 200, 90, 17, 34, 51, 99, 0, 180);
        assertThat(samples(PillowBilinear.resize(src, 7, 5))).containsExactly(
                0, 10, 250, 18, 18, 219, 73, 41, 125, 128, 64, 32, 182, 146, 18, 237, 228, 5, 255, 255, 0,
                0, 29, 234, 17, 34, 206, 67, 47, 119, 117, 61, 34, 169, 133, 27, 222, 206, 21, 239, 230, 18,
                3, 105, 170, 13, 97, 152, 43, 73, 97, 73, 49, 42, 117, 83, 62, 162, 117, 84, 177, 128, 90,
                5, 181, 106, 8, 160, 97, 18, 99, 74, 28, 37, 49, 65, 32, 97, 102, 27, 146, 115, 25, 162,
                5, 200, 90, 7, 176, 84, 12, 105, 68, 17, 34, 51, 52, 19, 106, 87, 5, 162, 99, 0, 180);
    }

    @Test
    void shrinkingAveragesUnderTheWidenedTriangle() {
        // 4×1 → 2×1: each output pixel weighs its four neighbours ⅛, ⅜, ⅜, ⅛ (clipped at the edges and renormalised).
        Pixels8 src = image(4, 1, 0, 0, 0, 80, 80, 80, 160, 160, 160, 240, 240, 240);
        // Left: taps 0..2 with 3/8, 3/8, 1/8 of 7/8 → (0·3 + 80·3 + 160·1)/7 = 57.1; right mirrors it: 182.9.
        assertThat(samples(PillowBilinear.resize(src, 2, 1))).containsExactly(57, 57, 57, 183, 183, 183);
    }

    @Test
    void theSameSizeIsACopy() {
        Pixels8 src = image(1, 1, 1, 2, 3);
        Pixels8 out = PillowBilinear.resize(src, 1, 1);
        assertThat(samples(out)).containsExactly(1, 2, 3);
        assertThat(out.data()).isNotSameAs(src.data());
    }
}
