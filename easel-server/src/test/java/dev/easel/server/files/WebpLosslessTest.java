package dev.easel.server.files;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebpLosslessTest {

    private static BufferedImage image(int width, int height, int argb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) image.setRGB(x, y, argb);
        return image;
    }

    @Test
    void theContainerNamesTheSizesOfItsChunks() {
        byte[] webp = WebpLossless.encode(image(7, 5, 0xFF336699));
        ByteBuffer b = ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(webp, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(b.getInt(4)).isEqualTo(webp.length - 8);
        assertThat(new String(webp, 8, 8, StandardCharsets.US_ASCII)).isEqualTo("WEBPVP8L");
        int chunk = b.getInt(16);
        assertThat(webp.length).isEqualTo(20 + chunk + (chunk & 1));
        assertThat(webp[20]).isEqualTo((byte) 0x2f);
    }

    @Test
    void theHeaderCarriesTheSizeAndWhetherAlphaIsUsed() {
        int opaque = ByteBuffer.wrap(WebpLossless.encode(image(300, 2, 0xFF000000)), 21, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertThat(opaque & 0x3FFF).isEqualTo(299);
        assertThat((opaque >>> 14) & 0x3FFF).isEqualTo(1);
        assertThat((opaque >>> 28) & 1).isZero();
        int translucent = ByteBuffer.wrap(WebpLossless.encode(image(1, 1, 0x80000000)), 21, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertThat((translucent >>> 28) & 1).isEqualTo(1);
    }

    @Test
    void everyPixelTakesFourBytesAfterAFixedSizeHeader() {
        int small = WebpLossless.encode(image(1, 1, 0)).length;
        int larger = WebpLossless.encode(image(10, 10, 0)).length;
        assertThat(larger - small).isBetween(99 * 4 - 1, 99 * 4 + 2);
    }

    @Test
    void sidesOverTheFormatsLimitAreRefused() {
        assertThatThrownBy(() -> WebpLossless.encode(new BufferedImage(16385, 1, BufferedImage.TYPE_INT_RGB)))
                .hasMessageContaining("16384");
    }
}
