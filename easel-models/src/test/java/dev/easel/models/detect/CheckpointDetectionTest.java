package dev.easel.models.detect;

import dev.easel.diffusion.model.Parameterization;
import dev.easel.models.detect.DetectedCheckpoint.TextEncoderPrefix;
import dev.easel.models.detect.DetectedCheckpoint.TextEncoderPrefix.Layout;
import dev.easel.models.safetensors.DType;
import dev.easel.models.safetensors.SafetensorsFile;
import dev.easel.models.safetensors.SafetensorsWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Layout values are checked against the configurations ComfyUI's model classes declare. */
class CheckpointDetectionTest {
    private static final Path FILE = Path.of("model.safetensors");
    private static final String PROBE = UnetKeys.P + "output_blocks.11.1.transformer_blocks.0.norm1.bias";

    @TempDir
    Path dir;

    private static DetectedCheckpoint detect(UnetKeys keys) throws IOException {
        return CheckpointDetection.detect(FILE, keys.shapes(), name -> {
            throw new AssertionError("read " + name);
        });
    }

    private static DetectedCheckpoint detect(UnetKeys keys, float[] probe) throws IOException {
        return CheckpointDetection.detect(FILE, keys.shapes(), name -> {
            assertThat(name).isEqualTo(PROBE);
            return probe;
        });
    }

    @Test
    void sd15() throws IOException {
        DetectedCheckpoint d = detect(UnetKeys.sd15());

        assertThat(d.kind()).isEqualTo(CheckpointKind.SD15);
        assertThat(d.prediction()).isEqualTo(Parameterization.EPS);
        UnetLayout u = d.unet();
        assertThat(u.prefix()).isEqualTo("model.diffusion_model.");
        assertThat(u.modelChannels()).isEqualTo(320);
        assertThat(u.inChannels()).isEqualTo(4);
        assertThat(u.outChannels()).isEqualTo(4);
        assertThat(u.channelMult()).containsExactly(1, 2, 4, 4);
        assertThat(u.numResBlocks()).containsExactly(2, 2, 2, 2);
        assertThat(u.transformerDepth()).containsExactly(1, 1, 1, 1, 1, 1, 0, 0);
        assertThat(u.transformerDepthOutput()).containsExactly(0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertThat(u.middleDepth()).isEqualTo(1);
        assertThat(u.contextDim()).hasValue(768);
        assertThat(u.linearInTransformer()).isFalse();
        assertThat(u.admInChannels()).isEmpty();
        assertThat(d.textEncoders()).containsExactly(new TextEncoderPrefix("cond_stage_model.transformer.text_model.", Layout.HF_CLIP));
        assertThat(d.vaePrefix()).hasValue("first_stage_model.");
    }

    @Test
    void oldSd1FilesKeepTheirTextEncoderWithoutTextModel() throws IOException {
        UnetKeys keys = UnetKeys.sd15();
        keys.shapes().remove("cond_stage_model.transformer.text_model.embeddings.token_embedding.weight");
        keys.put("cond_stage_model.transformer.embeddings.token_embedding.weight", 49408, 768);

        assertThat(detect(keys).textEncoders()).containsExactly(new TextEncoderPrefix("cond_stage_model.transformer.", Layout.HF_CLIP));
    }

    @Test
    void aUnetOnlyFileHasNoTextEncoderOrVae() throws IOException {
        UnetKeys keys = UnetKeys.unet(320, 4, new int[]{1, 2, 4, 4}, new int[]{1, 1, 1, 0}, 768, false, 1);

        DetectedCheckpoint d = detect(keys);
        assertThat(d.kind()).isEqualTo(CheckpointKind.SD15);
        assertThat(d.textEncoders()).isEmpty();
        assertThat(d.vaePrefix()).isEmpty();
    }

    @Test
    void sd2PredictionFollowsTheSpreadOfOneNormBias() throws IOException {
        float[] wide = {0.3f, -0.3f, 0.1f, -0.1f}, narrow = {0.01f, -0.02f, 0.03f, 0f};

        assertThat(detect(UnetKeys.sd20(), wide).prediction()).isEqualTo(Parameterization.V_PREDICTION);
        assertThat(detect(UnetKeys.sd20(), narrow).prediction()).isEqualTo(Parameterization.EPS);
        DetectedCheckpoint d = detect(UnetKeys.sd20(), wide);
        assertThat(d.kind()).isEqualTo(CheckpointKind.SD20);
        assertThat(d.unet().linearInTransformer()).isTrue();
        assertThat(d.unet().contextDim()).hasValue(1024);
        assertThat(d.textEncoders()).containsExactly(new TextEncoderPrefix("cond_stage_model.model.", Layout.OPEN_CLIP));
    }

    @Test
    void anSd2InpaintingUnetIsEpsWithoutReadingTheProbe() throws IOException {
        UnetKeys keys = UnetKeys.unet(320, 9, new int[]{1, 2, 4, 4}, new int[]{1, 1, 1, 0}, 1024, true, 1);

        DetectedCheckpoint d = detect(keys);
        assertThat(d.kind()).isEqualTo(CheckpointKind.SD20);
        assertThat(d.unet().inChannels()).isEqualTo(9);
        assertThat(d.prediction()).isEqualTo(Parameterization.EPS);
    }

    @Test
    void sdxlBaseAndItsMarkerKeys() throws IOException {
        DetectedCheckpoint d = detect(UnetKeys.sdxl());
        assertThat(d.kind()).isEqualTo(CheckpointKind.SDXL);
        assertThat(d.prediction()).isEqualTo(Parameterization.EPS);
        assertThat(d.unet().channelMult()).containsExactly(1, 2, 4);
        assertThat(d.unet().transformerDepthOutput()).containsExactly(10, 10, 10, 2, 2, 2, 0, 0, 0);
        assertThat(d.unet().middleDepth()).isEqualTo(10);
        assertThat(d.unet().admInChannels()).hasValue(2816);
        assertThat(d.textEncoders()).containsExactly(
                new TextEncoderPrefix("conditioner.embedders.0.transformer.text_model.", Layout.HF_CLIP),
                new TextEncoderPrefix("conditioner.embedders.1.model.", Layout.OPEN_CLIP));

        assertThat(detect(UnetKeys.sdxl().put("v_pred")).prediction()).isEqualTo(Parameterization.V_PREDICTION);
        assertThatThrownBy(() -> detect(UnetKeys.sdxl().put("v_pred").put("ztsnr")))
                .hasMessage("model.safetensors: a zero-terminal-SNR v-prediction model, which Easel cannot run yet; "
                        + "it runs SD1.x, SD2.x and SDXL base and refiner");
        assertThatThrownBy(() -> detect(UnetKeys.sdxl().put("edm_mean", 1, 4, 1, 1).put("edm_std", 1, 4, 1, 1)))
                .hasMessageContaining("an EDM model (Playground 2.5 style)");
    }

    @Test
    void sdxlRefiner() throws IOException {
        DetectedCheckpoint d = detect(UnetKeys.refiner());
        assertThat(d.kind()).isEqualTo(CheckpointKind.SDXL_REFINER);
        assertThat(d.prediction()).isEqualTo(Parameterization.EPS);
        assertThat(d.unet().modelChannels()).isEqualTo(384);
        assertThat(d.unet().transformerDepth()).containsExactly(0, 0, 4, 4, 4, 4, 0, 0);
        assertThat(d.unet().transformerDepthOutput()).containsExactly(0, 0, 0, 4, 4, 4, 4, 4, 4, 0, 0, 0);
        assertThat(d.textEncoders()).containsExactly(new TextEncoderPrefix("conditioner.embedders.0.model.", Layout.OPEN_CLIP));
    }

    @Test
    void filesThatAreNotCheckpointsSayWhatTheyAre() {
        Map<String, long[]> lora = Map.of("lora_unet_down_blocks_0_attentions_0_proj_in.lora_up.weight", new long[]{320, 4});
        Map<String, long[]> vae = Map.of("decoder.conv_in.weight", new long[]{512, 4, 3, 3});
        Map<String, long[]> flux = Map.of("double_blocks.0.img_attn.qkv.weight", new long[]{9216, 3072});
        Map<String, long[]> other = Map.of("embedding.weight", new long[]{10, 4});

        assertThatThrownBy(() -> CheckpointDetection.detect(FILE, lora, null))
                .hasMessage("model.safetensors: this is a LoRA, not a checkpoint: put it in models/loras and load it with LoraLoader");
        assertThatThrownBy(() -> CheckpointDetection.detect(FILE, vae, null))
                .hasMessage("model.safetensors: this is a VAE on its own, not a checkpoint: put it in models/vae and load it with VAELoader");
        assertThatThrownBy(() -> CheckpointDetection.detect(FILE, flux, null)).hasMessageContaining("a Flux-style model");
        assertThatThrownBy(() -> CheckpointDetection.detect(FILE, other, null))
                .hasMessage("model.safetensors: no Stable Diffusion UNet in it (no model.input_blocks.0.0.weight); "
                        + "its first tensors: [embedding.weight]");
    }

    @Test
    void anUnknownLayoutIsAnErrorSayingWhatWasFound() {
        UnetKeys upscaler = UnetKeys.unet(256, 7, new int[]{1, 2, 2, 4}, new int[]{0, 1, 1, 1}, 1024, true, 1);

        assertThatThrownBy(() -> detect(upscaler)).hasMessage("model.safetensors: a UNet of a layout Easel does not know "
                + "(model_channels 256, in_channels 7, channel_mult [1, 2, 2, 4], transformer_depth [0, 0, 1, 1, 1, 1, 1, 1], "
                + "context_dim 1024, adm_in_channels none, linear projections true); "
                + "it knows SD1.x, SD2.x, SDXL base and SDXL refiner");
    }

    @Test
    void aSmallUnetOfAReleasedStructureIsDetectedAsThatStructure() throws IOException {
        // SD2's layout at a twentieth of the width, read from a real file's header
        UnetKeys keys = UnetKeys.unet(16, 4, new int[]{1, 2}, new int[]{1, 1}, 24, true, 1);
        Map<String, SafetensorsWriter.Entry> tensors = new LinkedHashMap<>();
        keys.shapes().forEach((name, shape) -> {
            long n = 1;
            for (long s : shape) n *= s;
            tensors.put(name, SafetensorsWriter.floats(DType.F16, new float[(int) n], shape));
        });
        Path file = dir.resolve("tiny.safetensors");
        SafetensorsWriter.write(file, tensors, Map.of());

        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            DetectedCheckpoint detected = CheckpointDetection.detect(st);
            assertThat(detected.kind()).isEqualTo(CheckpointKind.SD20);
            assertThat(detected.unet().modelChannels()).isEqualTo(16);
            assertThat(detected.unet().channelMult()).containsExactly(1, 2);
            assertThat(detected.unet().contextDim()).hasValue(24);
        }
        UnetKeys sd1Like = UnetKeys.unet(32, 4, new int[]{1, 2}, new int[]{1, 1}, 16, false, 1);
        UnetKeys xlLike = UnetKeys.unet(32, 4, new int[]{1, 2}, new int[]{0, 1}, 16, true, 1).put(UnetKeys.P + "label_emb.0.0.weight", 128, 1600);
        assertThat(detect(sd1Like).kind()).isEqualTo(CheckpointKind.SD15);
        assertThat(detect(xlLike).kind()).isEqualTo(CheckpointKind.SDXL);
    }
}
