package dev.easel.tensor.image;

import dev.easel.tensor.Tensor;
import dev.easel.tensor.png.PngEncoder;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ImageDecodingTest {

    @Test
    void rgbPngDecodesToValuesOver255WithoutAlpha() throws IOException {
        byte[] png = new PngEncoder(4).encode(new Pixels8(2, 1, 3, new byte[] {10, 20, 30, (byte) 255, 0, (byte) 128}));
        DecodedImage d = ImageDecoding.decode(png);
        assertThat(d.image().shape()).containsExactly(1, 1, 2, 3);
        assertThat(d.image().data()).containsExactly(10 / 255f, 20 / 255f, 30 / 255f, 1f, 0f, 128 / 255f);
        assertThat(d.alpha()).isEmpty();
    }

    @Test
    void rgbaPngSplitsColourAndAlpha() throws IOException {
        byte[] png = new PngEncoder(4).encode(new Pixels8(1, 2, 4, new byte[] {1, 2, 3, 0, 4, 5, 6, (byte) 255}));
        DecodedImage d = ImageDecoding.decode(png);
        assertThat(d.image().shape()).containsExactly(1, 2, 1, 3);
        assertThat(d.image().get(0, 1, 0, 2)).isEqualTo(6 / 255f);
        Tensor alpha = d.alpha().orElseThrow();
        assertThat(alpha.shape()).containsExactly(1, 2, 1);
        assertThat(alpha.data()).containsExactly(0f, 1f);
    }

    @Test
    void greyPngCopiesTheValueToEveryChannel() throws IOException {
        BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 50);
        grey.getRaster().setSample(1, 0, 0, 200);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(grey, "png", out);
        DecodedImage d = ImageDecoding.decode(out.toByteArray());
        assertThat(d.image().data()).containsExactly(50 / 255f, 50 / 255f, 50 / 255f, 200 / 255f, 200 / 255f, 200 / 255f);
    }

    @Test
    void jpegDecodesCloseToItsSource() throws IOException {
        byte[] data = new byte[8 * 8 * 3];
        java.util.Arrays.fill(data, (byte) 100);
        byte[] jpeg = JpegEncoding.encode(new Pixels8(8, 8, 3, data));
        assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF);
        assertThat(jpeg[1] & 0xFF).isEqualTo(0xD8);
        DecodedImage d = ImageDecoding.decode(jpeg);
        assertThat(d.image().shape()).containsExactly(1, 8, 8, 3);
        assertThat(d.image().get(0, 4, 4, 1)).isCloseTo(100 / 255f, within(2 / 255f));
        assertThat(d.alpha()).isEmpty();
    }

    @Test
    void garbageIsAnError() {
        assertThatThrownBy(() -> ImageDecoding.decode(new byte[] {1, 2, 3}))
                .isInstanceOf(IOException.class).hasMessageContaining("unsupported or damaged");
    }
}
