package dev.easel.models.single;

import dev.easel.diffusion.model.Parameterization;
import dev.easel.models.detect.CheckpointDetection;
import dev.easel.models.detect.DetectedCheckpoint;
import dev.easel.models.detect.UnetKeys;
import dev.easel.models.toy.ToyCheckpoints;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DetectedConfigsTest {
    private static final Path FILE = Path.of("m.safetensors");

    private static CheckpointConfig config(UnetKeys keys, float[] probe) throws IOException {
        DetectedCheckpoint detected = CheckpointDetection.detect(FILE, keys.shapes(), name -> probe);
        return DetectedConfigs.of(FILE, detected, keys.shapes());
    }

    /** The configuration read back from the tensors {@code config} implies. */
    private static CheckpointConfig readBack(CheckpointConfig config, float[] probe) throws IOException {
        Map<String, long[]> shapes = CheckpointTensors.expected(config);
        return DetectedConfigs.of(FILE, CheckpointDetection.detect(FILE, shapes, name -> probe), shapes);
    }

    private static void assertSameNetworks(CheckpointConfig read, CheckpointConfig expected) {
        assertThat(read.family()).isEqualTo(expected.family());
        assertThat(read.unet()).isEqualTo(expected.unet());
        assertThat(read.vae()).isEqualTo(expected.vae());
        assertThat(read.textEncoders()).extracting(CheckpointConfig.TextEncoder::config)
                .containsExactlyElementsOf(expected.textEncoders().stream().map(CheckpointConfig.TextEncoder::config).toList());
        assertThat(read.textEncoders()).extracting(e -> e.prefixes().getFirst())
                .containsExactlyElementsOf(expected.textEncoders().stream().map(e -> e.prefixes().getFirst()).toList());
    }

    @Test
    void eachReleasedModelReadsBackAsItsPresetWithTheDetectedPrediction() throws IOException {
        assertSameNetworks(readBack(CheckpointConfig.sd15(), null), CheckpointConfig.sd15());
        CheckpointConfig v = readBack(CheckpointConfig.sd2(Parameterization.V_PREDICTION), new float[]{0.5f, -0.5f});
        assertSameNetworks(v, CheckpointConfig.sd2(Parameterization.V_PREDICTION));
        assertThat(v.parameterization()).isEqualTo(Parameterization.V_PREDICTION);
        assertThat(readBack(CheckpointConfig.sd2(Parameterization.EPS), new float[]{0.01f, 0f}).parameterization())
                .isEqualTo(Parameterization.EPS);
        CheckpointConfig xl = readBack(CheckpointConfig.sdxl(Parameterization.EPS), null);
        assertSameNetworks(xl, CheckpointConfig.sdxl(Parameterization.EPS));
        assertThat(xl.parameterization()).isEqualTo(Parameterization.EPS);
    }

    @Test
    void smallModelsOfTheReleasedStructureGetTheirOwnSizes() throws IOException {
        assertSameNetworks(readBack(ToyCheckpoints.sd1(), null), ToyCheckpoints.sd1());
        assertSameNetworks(readBack(ToyCheckpoints.sd2v(), new float[]{0.5f, -0.5f}), ToyCheckpoints.sd2v());
        assertSameNetworks(readBack(ToyCheckpoints.sdxl(), null), ToyCheckpoints.sdxl());
    }

    @Test
    void unevenResBlocksAreRefusedNamingThem() {
        Map<String, long[]> shapes = new java.util.LinkedHashMap<>(CheckpointTensors.expected(ToyCheckpoints.sd1()));
        // the last level's second res block gone, and the output blocks reading from it
        shapes.keySet().removeIf(k -> k.startsWith("model.diffusion_model.input_blocks.11."));
        assertThatThrownBy(() -> DetectedConfigs.of(FILE, CheckpointDetection.detect(FILE, shapes, name -> null), shapes))
                .hasMessage("m.safetensors: a UNet with different numbers of res blocks per level [2, 2, 2, 1], which Easel cannot build");
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
