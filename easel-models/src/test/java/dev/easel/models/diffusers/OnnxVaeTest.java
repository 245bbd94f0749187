package dev.easel.models.diffusers;

import dev.easel.models.toy.ToyDiffusers;
import dev.easel.models.toy.ToyVae;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The toy decoder writes latent channels 0..2 to RGB ×8; the encoder averages 8×8 blocks back. */
class OnnxVaeTest {
    @TempDir
    Path dir;

    @Test
    void decodingMapsMinusOneToOneOntoZeroToOneAndClamps() throws IOException {
        // two latent pixels, channels-first: (0.5, 3, −3, 9) and (−1, 0, 1, 0)
        Tensor latent = Tensor.of(new float[]{0.5f, -1, 3, 0, -3, 1, 9, 0}, 1, 4, 1, 2);
        try (DiffusersModel m = Toys.load(ToyDiffusers.sd15(), dir)) {
            Tensor image = m.vae().decode(latent);

            assertThat(image.shape()).containsExactly(1, 8, 16, 3);
            assertThat(new float[]{image.get(0, 0, 0, 0), image.get(0, 0, 0, 1), image.get(0, 0, 0, 2)}).containsExactly(0.75f, 1f, 0f);
            assertThat(new float[]{image.get(0, 7, 8, 0), image.get(0, 7, 8, 1), image.get(0, 7, 8, 2)}).containsExactly(0f, 0.5f, 1f);
        }
    }

    @Test
    void aBatchDecodesEveryImage() throws IOException {
        Tensor latent = Tensor.cat0(Tensor.full(-1, 1, 4, 1, 1), Tensor.full(1, 1, 4, 1, 1));
        try (DiffusersModel m = Toys.load(ToyDiffusers.sd15(), dir)) {
            Tensor image = m.vae().decode(latent);

            assertThat(image.shape()).containsExactly(2, 8, 8, 3);
            assertThat(image.slice0(0, 1).allEqual(0f)).isTrue();
            assertThat(image.slice0(1, 2).allEqual(1f)).isTrue();
        }
    }

    @Test
    void encodingMapsZeroToOneOntoMinusOneToOne() throws IOException {
        float[] px = new float[8 * 8 * 3];
        for (int p = 0; p < 64; p++) {
            px[p * 3] = 0.75f;
            px[p * 3 + 1] = 0.25f;
            px[p * 3 + 2] = 0.5f;
        }
        Tensor image = Tensor.of(px, 1, 8, 8, 3);
        try (DiffusersModel m = Toys.load(ToyDiffusers.sd15(), dir)) {
            Tensor latent = m.vae().encode(image);

            assertThat(latent.shape()).containsExactly(1, 4, 1, 1);
            assertThat(latent.data()).containsExactly(0.5f, -0.5f, 0f, 0f);
        }
    }

    @Test
    void anEncoderExportingLatentParametersGivesTheirMean() throws IOException {
        ToyDiffusers toy = ToyDiffusers.sd15().put("vae_encoder/model.onnx", ToyVae.encoder(true));
        try (DiffusersModel m = Toys.load(toy, dir)) {
            Tensor latent = m.vae().encode(Tensor.full(1f, 1, 8, 8, 3));

            assertThat(latent.shape()).containsExactly(1, 4, 1, 1);
            assertThat(latent.data()).containsExactly(1f, 1f, 1f, 0f);
        }
    }

    @Test
    void encodingWithoutAVaeEncoderNamesTheMissingFile() throws IOException {
        try (DiffusersModel m = Toys.load(ToyDiffusers.sd15().vae(false), dir)) {
            assertThatThrownBy(() -> m.vae().encode(Tensor.zeros(1, 8, 8, 3)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageEndingWith("has no vae_encoder/model.onnx, so it cannot encode images");
        }
    }

    @Test
    void imagesMustBeMultiplesOfEight() throws IOException {
        try (DiffusersModel m = Toys.load(ToyDiffusers.sd15(), dir)) {
            assertThatThrownBy(() -> m.vae().encode(Tensor.zeros(1, 8, 12, 3)))
                    .hasMessage("VAE encode takes [B, H, W, 3] images with H and W multiples of 8, got [1, 8, 12, 3]");
        }
    }
}
