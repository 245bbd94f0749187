package dev.easel.tensor.image;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageHeaderTest {

    /** A PNG signature and IHDR declaring {@code w x h}, and nothing else: no pixels to decode. */
    static byte[] bombHeader(int w, int h) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0);
        ByteBuffer out = ByteBuffer.allocate(8 + 12 + 13);
        out.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        out.putInt(13).put("IHDR".getBytes());
        out.put(ihdr.array());
        CRC32 crc = new CRC32();
        crc.update("IHDR".getBytes());
        crc.update(ihdr.array());
        return ByteBuffer.allocate(out.capacity() + 4).put(out.array()).putInt((int) crc.getValue()).array();
    }

    @Test
    void theSizeIsReadWithoutDecoding() throws IOException {
        assertThat(ImageHeader.read(bombHeader(20000, 20000))).contains(new ImageHeader("png", 20000, 20000));
    }

    @Test
    void anImageDeclaringMorePixelsThanAllowedIsRefusedBeforeDecoding() {
        assertThatThrownBy(() -> ImageHeader.requireAtMost(bombHeader(20000, 20000), 178_956_970L))
                .isInstanceOf(ImageHeader.TooLarge.class)
                .hasMessage("image of 20000x20000 (400000000 pixels) exceeds the limit of 178956970 pixels");
    }

    @Test
    void anImageWithinTheLimitDecodes() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB), "png", png);
        ImageHeader.requireAtMost(png.toByteArray(), 6);
        assertThat(ImageDecoding.decode(png.toByteArray()).image().shape()).containsExactly(1, 2, 3, 3);
    }

    @Test
    void bytesThatAreNoImageHaveNoHeader() throws IOException {
        assertThat(ImageHeader.read("not an image".getBytes())).isEmpty();
    }
}
