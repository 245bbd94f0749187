package dev.easel.models.single;

import dev.easel.diffusion.model.Parameterization;
import dev.easel.models.detect.CheckpointDetection;
import dev.easel.models.detect.DetectedCheckpoint;
import dev.easel.models.detect.UnetKeys;
import dev.easel.models.diffusers.ModelFamily;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DetectedConfigsTest {
    private static final Path FILE = Path.of("m.safetensors");

    private static CheckpointConfig config(UnetKeys keys, float[] probe) throws IOException {
        DetectedCheckpoint detected = CheckpointDetection.detect(FILE, keys.shapes(), name -> probe);
        return DetectedConfigs.of(FILE, detected);
    }

    @Test
    void eachReleasedKindGetsItsPresetWithTheDetectedPrediction() throws IOException {
        assertThat(config(UnetKeys.sd15(), null)).isEqualTo(CheckpointConfig.sd15());
        assertThat(config(UnetKeys.sd20(), new float[]{0.5f, -0.5f})).isEqualTo(CheckpointConfig.sd2(Parameterization.V_PREDICTION));
        assertThat(config(UnetKeys.sd20(), new float[]{0.01f, 0f})).isEqualTo(CheckpointConfig.sd2(Parameterization.EPS));
        CheckpointConfig xl = config(UnetKeys.sdxl(), null);
        assertThat(xl.family()).isEqualTo(ModelFamily.SDXL);
        assertThat(xl).isEqualTo(CheckpointConfig.sdxl(Parameterization.EPS));
    }

    @Test
    void whatThePresetsDoNotCoverIsRefusedBeforeBuilding() {
        UnetKeys inpainting = UnetKeys.unet(320, 9, new int[]{1, 2, 4, 4}, new int[]{1, 1, 1, 0}, 768, false, 1)
                .put("cond_stage_model.transformer.text_model.embeddings.token_embedding.weight", 49408, 768)
                .put("first_stage_model.decoder.conv_in.weight", 512, 4, 3, 3);
        UnetKeys unetOnly = UnetKeys.unet(320, 4, new int[]{1, 2, 4, 4}, new int[]{1, 1, 1, 0}, 768, false, 1);

        assertThatThrownBy(() -> config(inpainting, null))
                .hasMessage("m.safetensors: an inpainting or other 9-channel UNet, which Easel cannot run from a single file yet");
        assertThatThrownBy(() -> config(unetOnly, null))
                .hasMessage("m.safetensors: a UNet without text encoders, not a whole checkpoint; CheckpointLoaderSimple needs all three parts");
        assertThatThrownBy(() -> config(UnetKeys.refiner(), null)).hasMessage("m.safetensors: an SDXL refiner, which Easel cannot run yet");
    }
}
