package dev.easel.tensor.image;

import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ResizeTest {

    private static Tensor row(float... values) {
        return Tensor.of(values, 1, 1, values.length, 1);
    }

    @Test
    void nearestExactRepeatsPixelsWhenDoubling() {
        Tensor out = Resize.resize(row(0.1f, 0.2f, 0.3f), 6, 2, ResizeMethod.NEAREST_EXACT, CropMode.DISABLED);
        assertThat(out.shape()).containsExactly(1, 2, 6, 1);
        assertThat(out.data()).containsExactly(0.1f, 0.1f, 0.2f, 0.2f, 0.3f, 0.3f, 0.1f, 0.1f, 0.2f, 0.2f, 0.3f, 0.3f);
    }

    @Test
    void nearestExactTakesTheCentreSampleWhenHalving() {
        Tensor out = Resize.resize(row(0f, 1f, 2f, 3f), 2, 1, ResizeMethod.NEAREST_EXACT, CropMode.DISABLED);
        assertThat(out.data()).containsExactly(1f, 3f);
    }

    @Test
    void areaAveragesBlocksForIntegerFactors() {
        Tensor image = Tensor.of(new float[] {
                0f, 1f, 0.5f, 0.5f,
                1f, 0f, 0.25f, 0.75f}, 1, 2, 4, 1);
        Tensor out = Resize.resize(image, 2, 1, ResizeMethod.AREA, CropMode.DISABLED);
        assertThat(out.data()).containsExactly(0.5f, 0.5f);
    }

    @Test
    void areaMeanOfThreeIsFloat32() {
        Tensor out = Resize.resize(row(1f, 1f, 0f), 1, 1, ResizeMethod.AREA, CropMode.DISABLED);
        assertThat(out.item()).isEqualTo(2f / 3f);
        assertThat(ImageTensors.toByte(out.item())).isEqualTo(170);
    }

    @Test
    void bilinearUpscaleUsesHalfPixelCentres() {
        Tensor out = Resize.resize(row(0f, 1f), 4, 1, ResizeMethod.BILINEAR, CropMode.DISABLED);
        assertThat(out.data()).containsExactly(0f, 0.25f, 0.75f, 1f);
    }

    @Test
    void bicubicOvershootsAtEdgesLikeTorch() {
        Tensor out = Resize.resize(row(0f, 1f), 4, 1, ResizeMethod.BICUBIC, CropMode.DISABLED);
        // cubic convolution with a = -0.75 and border samples repeated, as torch's bicubic mode
        assertThat(out.data()[0]).isCloseTo(-0.10546875f, within(1e-6f));
        assertThat(out.data()[1]).isCloseTo(0.2265625f, within(1e-6f));
        assertThat(out.data()[2]).isCloseTo(0.7734375f, within(1e-6f));
        assertThat(out.data()[3]).isCloseTo(1.10546875f, within(1e-6f));
    }

    @Test
    void smoothMethodsKeepAConstantImageConstant() {
        Tensor image = Tensor.full(0.4f, 2, 5, 7, 3);
        for (ResizeMethod m : new ResizeMethod[] {ResizeMethod.BILINEAR, ResizeMethod.BICUBIC, ResizeMethod.AREA}) {
            Tensor out = Resize.resize(image, 11, 3, m, CropMode.DISABLED);
            assertThat(out.shape()).containsExactly(2, 3, 11, 3);
            for (float v : out.data()) assertThat(v).isCloseTo(0.4f, within(1e-6f));
        }
    }

    @Test
    void lanczosWorksOnEightBitValues() {
        Tensor out = Resize.resize(Tensor.full(0.5f, 1, 4, 4, 3), 9, 6, ResizeMethod.LANCZOS, CropMode.DISABLED);
        assertThat(out.shape()).containsExactly(1, 6, 9, 3);
        for (float v : out.data()) assertThat(v).isEqualTo(127 / 255f);
    }

    @Test
    void centerCropCutsTheWiderSideSymmetrically() {
        float[] data = new float[6];
        for (int i = 0; i < 6; i++) data[i] = i;
        Tensor out = Resize.resize(Tensor.of(data, 1, 1, 6, 1), 2, 1, ResizeMethod.NEAREST_EXACT, CropMode.CENTER);
        // aspect 6:1 cropped to 2:1 keeps columns 2..3
        assertThat(out.data()).containsExactly(2f, 3f);
    }

    @Test
    void masksResizeWithoutAChannelAxis() {
        Tensor out = Resize.resize(Tensor.ones(3, 4, 4), 2, 2, ResizeMethod.AREA, CropMode.DISABLED);
        assertThat(out.shape()).containsExactly(3, 2, 2);
    }

    @Test
    void methodsAndCropsHaveComfyWireNames() {
        assertThat(ResizeMethod.wireNames()).containsExactly("nearest-exact", "bilinear", "area", "bicubic", "lanczos");
        assertThat(CropMode.wireNames()).containsExactly("disabled", "center");
        assertThat(ResizeMethod.fromWireName("area")).isEqualTo(ResizeMethod.AREA);
        assertThatThrownBy(() -> ResizeMethod.fromWireName("bogus")).hasMessageContaining("unknown upscale method 'bogus'");
    }

    @Test
    void aCenterCropOfAVeryThinImageKeepsOneColumnOrRow() {
        // 1 wide, 4 high into 4x4: the crop would round to zero rows; the middle row pair stays
        Tensor tall = Tensor.of(new float[] {0f, 1f, 2f, 3f}, 1, 4, 1, 1);
        Tensor out = Resize.resize(tall, 4, 4, ResizeMethod.NEAREST_EXACT, CropMode.CENTER);
        assertThat(out.shape()).containsExactly(1, 4, 4, 1);
        assertThat(out.data()).containsOnly(1f, 2f);
        Tensor wide = Tensor.of(new float[] {0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f}, 1, 1, 8, 1);
        assertThat(Resize.resize(wide, 4, 4, ResizeMethod.BILINEAR, CropMode.CENTER).shape()).containsExactly(1, 4, 4, 1);
    }

    @Test
    void theCheckpointRunsOncePerRowOfEachPass() {
        Tensor image = Tensor.of(new float[2 * 3 * 4 * 3], 2, 3, 4, 3);
        for (ResizeMethod method : new ResizeMethod[] {ResizeMethod.BILINEAR, ResizeMethod.LANCZOS}) {
            int[] calls = {0};
            Resize.resize(image, 8, 5, method, CropMode.DISABLED, () -> calls[0]++);
            // two images: 3 source rows in the horizontal pass, 5 output rows in the vertical one
            assertThat(calls[0]).as(method.toString()).isEqualTo(2 * (3 + 5));
        }
        int[] area = {0};
        Resize.resize(image, 2, 1, ResizeMethod.AREA, CropMode.DISABLED, () -> area[0]++);
        assertThat(area[0]).isEqualTo(2);
    }

    @Test
    void whatTheCheckpointThrowsStopsTheResizeMidway() {
        Tensor image = Tensor.of(new float[64 * 64 * 3], 1, 64, 64, 3);
        int[] calls = {0};
        assertThatThrownBy(() -> Resize.resize(image, 128, 128, ResizeMethod.BICUBIC, CropMode.DISABLED, () -> {
            if (++calls[0] == 10) throw new IllegalStateException("stop");
        })).isInstanceOf(IllegalStateException.class).hasMessage("stop");
        assertThat(calls[0]).isEqualTo(10);
    }
}
