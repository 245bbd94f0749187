package dev.easel.models.demo;

import ai.onnxruntime.OrtException;
import dev.easel.diffusion.latent.LatentFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DemoVaeTest {
    @TempDir
    static Path dir;
    static DemoSessions demo;

    @BeforeAll
    static void write() throws Exception {
        DemoModel.writeTo(dir.resolve("model"));
        demo = new DemoSessions(dir.resolve("model"));
    }

    @AfterAll
    static void close() throws OrtException {
        demo.close();
    }

    @Test
    void decodingAnEncodedSceneGivesItBackUpToItsEightPixelBlur() throws OrtException {
        float[] scene = Scene.GALAXY_BOTTLE.render();
        float[] decoded = demo.decode(demo.encode(scene, 512, 512), 64, 64);
        double error = 0;
        for (int i = 0; i < scene.length; i++) error += Math.abs(decoded[i] - scene[i]);
        assertThat(error / scene.length).isLessThan(0.05);
    }

    @Test
    void encoderGraphComputesTheTemplatesLatents() throws OrtException {
        float[] scene = Scene.CAT.render();
        float[] raw = demo.encode(scene, 512, 512);
        float[] template = new DemoVae().encodeToSamplerSpace(scene, 512, 512);
        for (int i = 0; i < raw.length; i++) {
            assertThat(raw[i] * LatentFormat.SD15.scale()).isCloseTo(template[i], within(1e-4f));
        }
    }

    @Test
    void decodedColourIsTheSd15Latent2RgbPreviewColour() throws OrtException {
        float[] z = {0.4f, -0.3f, 0.2f, 0.1f};
        float[] raw = new float[4 * 8 * 8];
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < 64; i++) raw[c * 64 + i] = z[c] / LatentFormat.SD15.scale();
        }
        float[] image = demo.decode(raw, 8, 8);
        int plane = 64 * 64;
        for (int rgb = 0; rgb < 3; rgb++) {
            float preview = LatentFormat.SD15.rgbBias(rgb);
            for (int c = 0; c < 4; c++) preview += z[c] * LatentFormat.SD15.rgbFactor(c, rgb);
            for (int i = 0; i < plane; i++) assertThat(image[rgb * plane + i]).isCloseTo(preview, within(1e-5f));
        }
    }

    @Test
    void decoderClampsToMinusOneToOne() throws OrtException {
        float[] raw = new float[4 * 8 * 8];
        java.util.Arrays.fill(raw, 0, 64, 100f);
        float[] image = demo.decode(raw, 8, 8);
        for (float value : image) assertThat(value).isBetween(-1f, 1f);
        assertThat(image[0]).isEqualTo(1f);
    }
}
