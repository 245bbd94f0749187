package dev.easel.tensor.png;

import dev.easel.tensor.image.Pixels8;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PngEncoderTest {

    private static Pixels8 noise(int w, int h, int channels, long seed) {
        byte[] data = new byte[w * h * channels];
        new Random(seed).nextBytes(data);
        return new Pixels8(w, h, channels, data);
    }

    @ParameterizedTest
    @EnumSource(PngFilter.class)
    void rgbPixelsSurviveARoundTripThroughImageIo(PngFilter filter) throws IOException {
        Pixels8 p = noise(37, 23, 3, 1);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(new PngEncoder(4, filter).encode(p)));
        assertThat(img.getWidth()).isEqualTo(37);
        assertThat(img.getHeight()).isEqualTo(23);
        assertThat(img.getColorModel().hasAlpha()).isFalse();
        for (int y = 0; y < 23; y++) {
            for (int x = 0; x < 37; x++) {
                int rgb = img.getRGB(x, y);
                assertThat((rgb >> 16) & 0xFF).isEqualTo(p.sample(x, y, 0));
                assertThat((rgb >> 8) & 0xFF).isEqualTo(p.sample(x, y, 1));
                assertThat(rgb & 0xFF).isEqualTo(p.sample(x, y, 2));
            }
        }
    }

    @Test
    void rgbaKeepsAlpha() throws IOException {
        Pixels8 p = noise(9, 5, 4, 2);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(new PngEncoder(1).encode(p)));
        assertThat(img.getColorModel().hasAlpha()).isTrue();
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 9; x++) {
                int argb = img.getRGB(x, y);
                assertThat(argb >>> 24).isEqualTo(p.sample(x, y, 3));
                assertThat((argb >> 16) & 0xFF).isEqualTo(p.sample(x, y, 0));
            }
        }
    }

    @Test
    void chunksAreFramedWithValidCrcsAndTextPrecedesImageData() {
        byte[] png = new PngEncoder(4).encode(noise(4, 4, 3, 3), Map.of("prompt", "{}"));
        List<String> types = new ArrayList<>();
        ByteBuffer buf = ByteBuffer.wrap(png, 8, png.length - 8);
        while (buf.hasRemaining()) {
            int len = buf.getInt();
            byte[] typeAndData = new byte[4 + len];
            buf.get(typeAndData);
            CRC32 crc = new CRC32();
            crc.update(typeAndData);
            assertThat(buf.getInt()).isEqualTo((int) crc.getValue());
            types.add(new String(typeAndData, 0, 4, StandardCharsets.US_ASCII));
        }
        assertThat(types).containsExactly("IHDR", "tEXt", "IDAT", "IEND");
    }

    @Test
    void textChunksAreReadBackInOrder() {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("prompt", "{\"1\": {\"class_type\": \"EmptyImage\"}}");
        text.put("workflow", "{\"nodes\": []}");
        byte[] png = new PngEncoder(4).encode(noise(2, 2, 3, 4), text);
        assertThat(PngTextReader.read(png)).containsExactly(
                Map.entry("prompt", "{\"1\": {\"class_type\": \"EmptyImage\"}}"),
                Map.entry("workflow", "{\"nodes\": []}"));
    }

    @Test
    void nonLatin1TextGoesIntoAnInternationalChunk() {
        byte[] png = new PngEncoder(4).encode(noise(2, 2, 3, 5), Map.of("title", "café ☕"));
        String raw = new String(png, StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("iTXt").doesNotContain("tEXt");
        assertThat(PngTextReader.read(png)).containsEntry("title", "café ☕");
    }

    @Test
    void latin1TextStaysInPlainTextChunk() {
        byte[] png = new PngEncoder(4).encode(noise(2, 2, 3, 5), Map.of("title", "café"));
        String raw = new String(png, StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("tEXttitle\0café").doesNotContain("iTXt");
    }

    @Test
    void higherLevelsCompressSmoothImagesSmaller() {
        byte[] data = new byte[256 * 256 * 3];
        for (int i = 0; i < data.length; i++) data[i] = (byte) ((i / 3) % 256 / 4);
        Pixels8 p = new Pixels8(256, 256, 3, data);
        int stored = new PngEncoder(0).encode(p).length;
        int fast = new PngEncoder(1).encode(p).length;
        assertThat(stored).isGreaterThan(data.length);
        assertThat(fast).isLessThan(stored / 10);
    }

    @Test
    void rejectsBadLevelsAndKeywords() {
        assertThatThrownBy(() -> new PngEncoder(10)).hasMessageContaining("0..9");
        assertThatThrownBy(() -> new PngEncoder(4).encode(noise(1, 1, 3, 6), Map.of("", "x")))
                .hasMessageContaining("keyword");
    }
}
