package dev.easel.nodes.latent;

import dev.easel.diffusion.latent.Latent;
import dev.easel.nodes.FakeModels;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static dev.easel.nodes.NodeCalls.run;
import static org.assertj.core.api.Assertions.assertThat;

class VaeNodesTest {
    private final FakeModels.Vae vae = new FakeModels.Vae();

    /** An RGB image of one colour. */
    private static Tensor image(int height, int width, float value) {
        return Tensor.full(value, 1, height, width, 3);
    }

    /** A single mask with ones at the given (row, column) pairs. */
    private static Tensor maskWithOnes(int height, int width, int... rowCols) {
        float[] m = new float[height * width];
        for (int i = 0; i < rowCols.length; i += 2) m[rowCols[i] * width + rowCols[i + 1]] = 1f;
        return Tensor.of(m, 1, height, width);
    }

    private Latent inpaint(Tensor pixels, Tensor mask, int grow) throws Exception {
        return (Latent) run(new VAEEncodeForInpaint(), "pixels", pixels, "vae", vae, "mask", mask,
                "grow_mask_by", grow).outputs().get(0);
    }

    /** (row, column) of every 1 in a {@code [1, 1, H, W]} noise mask. */
    private static java.util.List<String> ones(Tensor noiseMask) {
        int w = noiseMask.dim(3);
        java.util.List<String> at = new java.util.ArrayList<>();
        float[] d = noiseMask.data();
        for (int i = 0; i < d.length; i++) if (d[i] == 1f) at.add(i / w + "," + i % w);
        return at;
    }

    @Test
    void vaeDecodeDecodesTheSamples() throws Exception {
        Tensor latent = Tensor.of(new float[]{0.25f, 0.75f, 0, 0, 0, 0, 0, 0}, 1, 4, 1, 2);
        Tensor image = (Tensor) run(new VAEDecode(), "samples", Latent.of(latent), "vae", vae).outputs().get(0);
        assertThat(image.shape()).containsExactly(1, 8, 16, 3);
        assertThat(image.get(0, 7, 7, 2)).isEqualTo(0.25f);
        assertThat(image.get(0, 0, 8, 0)).isEqualTo(0.75f);
    }

    @Test
    void vaeEncodeCutsImagesToMultiplesOfTheDownscaleAroundTheCentre() throws Exception {
        float[] px = new float[19 * 18 * 3];
        for (int y = 0; y < 19; y++) for (int x = 0; x < 18; x++) px[(y * 18 + x) * 3] = y * 100 + x;
        Latent out = (Latent) run(new VAEEncode(), "pixels", Tensor.of(px, 1, 19, 18, 3), "vae", vae).outputs().get(0);
        Tensor seen = vae.encoded.get(0);
        assertThat(seen.shape()).containsExactly(1, 16, 16, 3);
        assertThat(seen.get(0, 0, 0, 0)).isEqualTo(101f);
        assertThat(seen.get(0, 15, 15, 0)).isEqualTo(1616f);
        assertThat(out.samples().shape()).containsExactly(1, 4, 2, 2);
        assertThat(out.noiseMask()).isEmpty();
    }

    @Test
    void inpaintingGreysTheMaskedPixelsBeforeEncoding() throws Exception {
        inpaint(image(16, 16, 0.75f), maskWithOnes(16, 16, 5, 5), 0);
        Tensor seen = vae.encoded.get(0);
        assertThat(new float[]{seen.get(0, 5, 5, 0), seen.get(0, 5, 5, 1), seen.get(0, 5, 5, 2)}).containsExactly(0.5f, 0.5f, 0.5f);
        assertThat(seen.get(0, 5, 6, 0)).isEqualTo(0.75f);
        assertThat(seen.get(0, 4, 5, 2)).isEqualTo(0.75f);
    }

    @Test
    void anOddGrowthGrowsTheMaskEvenlyAroundEachPixel() throws Exception {
        Latent out = inpaint(image(16, 16, 0.75f), maskWithOnes(16, 16, 5, 5), 3);
        assertThat(out.noiseMask().orElseThrow().shape()).containsExactly(1, 1, 16, 16);
        assertThat(ones(out.noiseMask().orElseThrow())).containsExactly(
                "4,4", "4,5", "4,6", "5,4", "5,5", "5,6", "6,4", "6,5", "6,6");
    }

    @Test
    void anEvenGrowthReachesOnePixelFurtherDownAndRightAsInComfy() throws Exception {
        Latent out = inpaint(image(16, 16, 0.75f), maskWithOnes(16, 16, 5, 5), 2);
        assertThat(ones(out.noiseMask().orElseThrow())).containsExactly("5,5", "5,6", "6,5", "6,6");
    }

    @Test
    void withoutGrowthTheNoiseMaskIsTheMaskRoundedHalfToEven() throws Exception {
        float[] m = new float[16 * 16];
        m[0] = 0.5f;
        m[1] = 0.6f;
        Latent out = inpaint(image(16, 16, 0.75f), Tensor.of(m, 16, 16), 0);
        assertThat(ones(out.noiseMask().orElseThrow())).containsExactly("0,1");
        Tensor seen = vae.encoded.get(0);
        assertThat(seen.get(0, 0, 0, 0)).isEqualTo(0.75f);
        assertThat(seen.get(0, 0, 1, 0)).isEqualTo(0.5f);
    }

    @Test
    void inpaintingCutsPixelsAndMaskToMultiplesOfTheDownscaleTogether() throws Exception {
        Latent out = inpaint(image(18, 17, 0.75f), maskWithOnes(18, 17, 1, 0), 0);
        assertThat(vae.encoded.get(0).shape()).containsExactly(1, 16, 16, 3);
        assertThat(out.noiseMask().orElseThrow().shape()).containsExactly(1, 1, 16, 16);
        assertThat(ones(out.noiseMask().orElseThrow())).containsExactly("0,0");
        assertThat(vae.encoded.get(0).get(0, 0, 0, 0)).isEqualTo(0.5f);
    }

    @Test
    void aSmallerMaskIsStretchedToTheImageFirst() throws Exception {
        Latent out = inpaint(image(16, 16, 0.75f), Tensor.ones(1, 2, 2), 0);
        assertThat(out.noiseMask().orElseThrow().shape()).containsExactly(1, 1, 16, 16);
        assertThat(out.noiseMask().orElseThrow().allEqual(1f)).isTrue();
        assertThat(vae.encoded.get(0).allEqual(0.5f)).isTrue();
    }
}
