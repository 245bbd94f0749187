package dev.easel.diffusion.preview;

import dev.easel.diffusion.latent.LatentFormat;
import dev.easel.tensor.Tensor;
import dev.easel.tensor.image.Pixels8;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatentPreviewTest {

    /** One item, 4 channels, 1×2 pixels: pixel 0 is (1, 0, 0, 0), pixel 1 is (0, 0, 0, −2). */
    private static Tensor twoPixels() {
        return Tensor.of(new float[]{1f, 0f, 0f, 0f, 0f, 0f, 0f, -2f}, 1, 4, 1, 2);
    }

    private static int[] samples(Pixels8 p) {
        int[] out = new int[p.data().length];
        for (int i = 0; i < out.length; i++) out[i] = p.data()[i] & 0xFF;
        return out;
    }

    @Test
    void sd15PixelsAreTheFactorRowsMappedFromMinusOneOneToBytesTruncated() {
        // Pixel 0 = row 0 (0.3512, 0.2297, 0.3227): (v+1)/2·255 = 172.28, 156.79, 168.64.
        // Pixel 1 = −2·row 3 = (0.424, 0.5232, 1.4354): 181.56, 194.21, and 1.2177 clamped to 255.
        Pixels8 p = new LatentPreview(LatentFormat.SD15).rgb(twoPixels());
        assertThat(p.width()).isEqualTo(2);
        assertThat(p.height()).isEqualTo(1);
        assertThat(samples(p)).containsExactly(172, 156, 168, 181, 194, 255);
    }

    @Test
    void sdxlAddsItsBias() {
        // A zero latent is the bias (0.1084, −0.0175, −0.0011): 141.32, 125.27, 127.36.
        Pixels8 p = new LatentPreview(LatentFormat.SDXL).rgb(Tensor.zeros(1, 4, 1, 1));
        assertThat(samples(p)).containsExactly(141, 125, 127);
    }

    @Test
    void valuesBelowMinusOneClampToBlack() {
        Pixels8 p = new LatentPreview(LatentFormat.SD15).rgb(Tensor.of(new float[]{-10f, 0f, 0f, 0f}, 1, 4, 1, 1));
        assertThat(samples(p)).containsExactly(0, 0, 0);
    }

    @Test
    void onlyTheFirstBatchItemIsShown() {
        float[] data = new float[16];
        data[8] = 5f;
        Pixels8 p = new LatentPreview(LatentFormat.SD15).rgb(Tensor.of(data, 2, 4, 1, 2));
        assertThat(samples(p)).containsExactly(127, 127, 127, 127, 127, 127);
    }

    @Test
    void aVideoLatentShowsItsFirstFrame() {
        // [1, 4, 2 frames, 1, 1]: channel 0 is 1 in frame 0 and 9 in frame 1.
        float[] data = {1f, 9f, 0f, 0f, 0f, 0f, 0f, 0f};
        Pixels8 p = new LatentPreview(LatentFormat.SD15).rgb(Tensor.of(data, 1, 4, 2, 1, 1));
        assertThat(samples(p)).containsExactly(172, 156, 168);
    }

    @Test
    void theChannelCountMustMatchTheFormat() {
        assertThatThrownBy(() -> new LatentPreview(LatentFormat.FLUX).rgb(twoPixels()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSmallPreviewIsEnlargedToFitTheSquare() throws IOException {
        BufferedImage img = decode(new LatentPreview(LatentFormat.SD15).jpeg(Tensor.zeros(1, 4, 64, 48), 512));
        assertThat(img.getWidth()).isEqualTo(384);
        assertThat(img.getHeight()).isEqualTo(512);
    }

    @Test
    void aLargePreviewIsShrunkToFitTheSquare() throws IOException {
        BufferedImage img = decode(new LatentPreview(LatentFormat.SDXL).jpeg(Tensor.zeros(1, 4, 96, 160), 512));
        assertThat(img.getWidth()).isEqualTo(512);
        assertThat(img.getHeight()).isEqualTo(307);
    }

    @Test
    void theJpegKeepsAFlatColour() throws IOException {
        BufferedImage img = decode(new LatentPreview(LatentFormat.SDXL).jpeg(Tensor.zeros(1, 4, 8, 8), 64));
        int rgb = img.getRGB(32, 32);
        assertThat((rgb >> 16) & 0xFF).isBetween(138, 144);
        assertThat((rgb >> 8) & 0xFF).isBetween(122, 128);
        assertThat(rgb & 0xFF).isBetween(124, 130);
    }

    @Test
    void containedSizeRoundsTheShortSideHalfToEven() {
        assertThat(LatentPreview.containedSize(64, 64, 512)).containsExactly(512, 512);
        assertThat(LatentPreview.containedSize(160, 96, 512)).containsExactly(512, 307);
        assertThat(LatentPreview.containedSize(8, 5, 4)).containsExactly(4, 2);
        assertThat(LatentPreview.containedSize(5, 8, 4)).containsExactly(2, 4);
    }

    private static BufferedImage decode(byte[] jpeg) throws IOException {
        assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF);
        assertThat(jpeg[1] & 0xFF).isEqualTo(0xD8);
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }
}
