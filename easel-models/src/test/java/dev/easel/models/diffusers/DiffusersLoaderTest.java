package dev.easel.models.diffusers;

import dev.easel.diffusion.latent.LatentFormat;
import dev.easel.diffusion.model.DiscreteSampling;
import dev.easel.diffusion.model.Parameterization;
import dev.easel.models.onnx.ElementType;
import dev.easel.models.toy.ToyDiffusers;
import dev.easel.models.toy.ToyUnet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiffusersLoaderTest {
    @TempDir
    Path dir;

    @Test
    void aClipLWideFolderWithEpsilonPredictionIsSd1() throws IOException {
        try (DiffusersModel m = Toys.load(ToyDiffusers.sd15(), dir)) {
            assertThat(m.family()).isEqualTo(ModelFamily.SD1);
            assertThat(((DiscreteSampling) m.unet().sampling()).parameterization()).isEqualTo(Parameterization.EPS);
            assertThat(m.unet().latentFormat()).isEqualTo(LatentFormat.SD15);
            assertThat(m.vae().latentFormat()).isEqualTo(LatentFormat.SD15);
        }
    }

    @Test
    void aFolderWith1024WideHiddenStatesAndVPredictionIsSd2V() throws IOException {
        try (DiffusersModel m = Toys.load(ToyDiffusers.sd2v(), dir)) {
            assertThat(m.family()).isEqualTo(ModelFamily.SD2);
            assertThat(((DiscreteSampling) m.unet().sampling()).parameterization()).isEqualTo(Parameterization.V_PREDICTION);
        }
    }

    @Test
    void aSecondEncoderAndAUnetTakingTextEmbedsAndTimeIdsIsSdxl() throws IOException {
        try (DiffusersModel m = Toys.load(ToyDiffusers.sdxl(), dir)) {
            assertThat(m.family()).isEqualTo(ModelFamily.SDXL);
            assertThat(m.unet().latentFormat()).isEqualTo(LatentFormat.SDXL);
            assertThat(m.vae().latentFormat()).isEqualTo(LatentFormat.SDXL);
        }
    }

    @Test
    void theCheckpointHoldsTheLoadedParts() throws IOException {
        try (DiffusersModel m = Toys.load(ToyDiffusers.sd15(), dir)) {
            assertThat(m.checkpoint().model()).isSameAs(m.unet());
            assertThat(m.checkpoint().clip()).isSameAs(m.clip());
            assertThat(m.checkpoint().vae()).isSameAs(m.vae());
        }
    }

    @Test
    void everyMissingFileIsNamedInOneError() {
        Path folder = ToyDiffusers.sd15().without("unet/model.onnx").without("tokenizer/merges.txt").writeTo(dir.resolve("m"));

        assertThatThrownBy(() -> Toys.LOADER.load(folder))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage(folder + ": diffusers ONNX folder is missing unet/model.onnx, tokenizer/merges.txt");
    }

    @Test
    void anSdxlUnetWithoutASecondEncoderIsAnErrorSayingWhyItIsNeeded() {
        Path folder = ToyDiffusers.sdxl().without("text_encoder_2/model.onnx").writeTo(dir.resolve("m"));

        assertThatThrownBy(() -> Toys.LOADER.load(folder))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage(folder + ": diffusers ONNX folder is missing text_encoder_2/model.onnx"
                        + " (its UNet takes text_embeds and time_ids, so it is an SDXL model)");
    }

    @Test
    void aMissingFolderIsNamed() {
        Path folder = dir.resolve("nowhere");
        assertThatThrownBy(() -> Toys.LOADER.load(folder))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage(folder + ": diffusers ONNX folder not found");
    }

    @Test
    void anUnsupportedPredictionTypeNamesTheSchedulerConfig() {
        Path folder = ToyDiffusers.sd15().scheduler("sample").writeTo(dir.resolve("m"));

        assertThatThrownBy(() -> Toys.LOADER.load(folder))
                .isInstanceOf(IOException.class)
                .hasMessage(folder.resolve("scheduler/scheduler_config.json")
                        + ": prediction_type \"sample\" is not supported (epsilon or v_prediction)");
    }

    @Test
    void aUnetWithoutTheInputsOfItsRoleIsMalformed() {
        // a VAE decoder where the UNet should be
        Path folder = ToyDiffusers.sd15().put("unet/model.onnx", dev.easel.models.toy.ToyVae.decoder()).writeTo(dir.resolve("m"));

        assertThatThrownBy(() -> Toys.LOADER.load(folder))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("malformed unet/model.onnx: " + folder.resolve("unet/model.onnx") + " has no input sample");
    }

    @Test
    void aFileThatIsNotAnOnnxModelIsAnErrorNamingIt() {
        Path folder = ToyDiffusers.sd15().put("vae_decoder/model.onnx", "not a model".getBytes()).writeTo(dir.resolve("m"));

        assertThatThrownBy(() -> Toys.LOADER.load(folder))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("loading " + folder.resolve("vae_decoder/model.onnx") + ": ");
    }

    @Test
    void anInt64TimestepUnetLoadsAsSd1() throws IOException {
        try (DiffusersModel m = Toys.load(ToyDiffusers.sd15().unet(ToyUnet.sd(ElementType.INT64, 768)), dir)) {
            assertThat(m.family()).isEqualTo(ModelFamily.SD1);
        }
    }
}
