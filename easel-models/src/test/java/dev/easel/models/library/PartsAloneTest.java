package dev.easel.models.library;

import dev.easel.diffusion.cond.ConditioningEntry;
import dev.easel.diffusion.model.DiffusionModel;
import dev.easel.models.Checkpoint;
import dev.easel.models.ClipModel;
import dev.easel.models.cache.ModelCache;
import dev.easel.models.safetensors.DType;
import dev.easel.models.safetensors.SafetensorsWriter;
import dev.easel.models.single.CheckpointConfig;
import dev.easel.models.text.VocabularyWriter;
import dev.easel.models.toy.ToyCheckpoints;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A UNet, a VAE and text encoders stored one to a file, as UNETLoader, VAELoader, CLIPLoader and
 * DualCLIPLoader read them: cut out of a tiny checkpoint under the names such files use, each
 * computes exactly what the same part of the whole checkpoint computes.
 */
class PartsAloneTest {
    @TempDir
    Path dir;

    private static void cut(Path file, CheckpointConfig config, String from, String to) throws IOException {
        ToyCheckpoints.writePart(file, config, ToyCheckpoints.SEED, from, to);
    }

    private ModelLibrary library() throws IOException {
        Path models = dir.resolve("models");
        ToyCheckpoints.write(Files.createDirectories(models.resolve("checkpoints")).resolve("sd1.safetensors"), ToyCheckpoints.sd1(),
                ToyCheckpoints.SEED, DType.F16);
        ToyCheckpoints.write(models.resolve("checkpoints/xl.safetensors"), ToyCheckpoints.sdxl(), ToyCheckpoints.SEED, DType.F16);
        cut(models.resolve("unet/sd1-unet.safetensors"), ToyCheckpoints.sd1(), "model.diffusion_model.", "");
        cut(models.resolve("vae/sd1-vae.safetensors"), ToyCheckpoints.sd1(), "first_stage_model.", "");
        cut(models.resolve("text_encoders/clip_l.safetensors"), ToyCheckpoints.sd1(), "cond_stage_model.transformer.text_model.", "text_model.");
        cut(models.resolve("text_encoders/xl_l.safetensors"), ToyCheckpoints.sdxl(), "conditioner.embedders.0.transformer.text_model.", "text_model.");
        cut(models.resolve("text_encoders/xl_g.safetensors"), ToyCheckpoints.sdxl(), "conditioner.embedders.1.model.", "");
        VocabularyWriter.writeWithClipIds(models.resolve("tokenizers"), List.of("a", "cat"));
        return new ModelLibrary(Map.of(ModelLibrary.CHECKPOINTS, List.of(models.resolve("checkpoints")),
                ModelLibrary.DIFFUSION_MODELS, List.of(models.resolve("unet"), models.resolve("diffusion_models")),
                ModelLibrary.VAE, List.of(models.resolve("vae")),
                ModelLibrary.TEXT_ENCODERS, List.of(models.resolve("text_encoders"), models.resolve("clip")),
                ModelLibrary.TOKENIZERS, List.of(models.resolve("tokenizers"))), ModelCache.lru(1L << 30));
    }

    private static float[] unet(DiffusionModel model, List<ConditioningEntry> cond) {
        float[] x = new float[4 * 8 * 8];
        for (int i = 0; i < x.length; i++) x[i] = (float) Math.cos(0.21 * i);
        return model.apply(Tensor.of(x, 1, 4, 8, 8), new double[]{250}, cond).data();
    }

    private static float[] context(ClipModel clip) {
        return clip.encode("a cat").entries().getFirst().crossAttn().data();
    }

    @Test
    void eachPartAloneComputesWhatTheCheckpointsOwnPartComputes() throws IOException {
        ModelLibrary library = library();
        assertThat(library.diffusionModelNames()).containsExactly("sd1-unet.safetensors");
        assertThat(library.vaeNames()).containsExactly("sd1-vae.safetensors");
        assertThat(library.textEncoderNames()).containsExactly("clip_l.safetensors", "xl_g.safetensors", "xl_l.safetensors");
        Checkpoint sd1 = library.loadCheckpoint("sd1.safetensors");
        List<ConditioningEntry> cond = sd1.clip().encode("a cat").entries();

        DiffusionModel unet = library.loadDiffusionModel("sd1-unet.safetensors");
        assertThat(unet(unet, cond)).containsExactly(unet(sd1.model(), cond));
        Tensor latent = Tensor.of(new float[]{0.3f, -0.2f, 0.5f, 0.1f, -0.4f, 0.2f, 0.0f, 0.6f, -0.1f, 0.3f, 0.2f, -0.5f,
                0.4f, 0.1f, -0.3f, 0.2f}, 1, 4, 2, 2);
        assertThat(library.loadVae("sd1-vae.safetensors").decode(latent).data()).containsExactly(sd1.vae().decode(latent).data());
        assertThat(context(library.loadTextEncoders(List.of("clip_l.safetensors"), "stable_diffusion"))).containsExactly(context(sd1.clip()));

        // SDXL's pair in either order: CLIP-L's features first, the pooled output from bigG
        Checkpoint xl = library.loadCheckpoint("xl.safetensors");
        ConditioningEntry whole = xl.clip().encode("a cat").entries().getFirst();
        ConditioningEntry pair = library.loadTextEncoders(List.of("xl_g.safetensors", "xl_l.safetensors"), "sdxl")
                .encode("a cat").entries().getFirst();
        assertThat(pair.crossAttn().data()).containsExactly(whole.crossAttn().data());
        assertThat(pair.pooled().orElseThrow().data()).containsExactly(whole.pooled().orElseThrow().data());
    }

    @Test
    void aLoraMergesIntoAUnetLoadedAlone() throws IOException {
        ModelLibrary library = library();
        Path lora = Files.createDirectories(dir.resolve("loras")).resolve("q.safetensors");
        Map<String, SafetensorsWriter.Entry> t = new LinkedHashMap<>();
        t.put("lora_unet_input_blocks_1_1_transformer_blocks_0_attn1_to_q.lora_up.weight",
                SafetensorsWriter.floats(DType.F32, filled(64, 0.5f), 32, 2));
        t.put("lora_unet_input_blocks_1_1_transformer_blocks_0_attn1_to_q.lora_down.weight",
                SafetensorsWriter.floats(DType.F32, filled(64, 0.25f), 2, 32));
        SafetensorsWriter.write(lora, t, Map.of());
        ModelLibrary withLoras = new ModelLibrary(Map.of(ModelLibrary.CHECKPOINTS, List.of(dir.resolve("models/checkpoints")),
                ModelLibrary.DIFFUSION_MODELS, List.of(dir.resolve("models/unet")), ModelLibrary.LORAS, List.of(lora.getParent()),
                ModelLibrary.TOKENIZERS, List.of(dir.resolve("models/tokenizers"))), ModelCache.lru(1L << 30));
        Checkpoint sd1 = withLoras.loadCheckpoint("sd1.safetensors");
        List<ConditioningEntry> cond = sd1.clip().encode("a cat").entries();

        DiffusionModel alone = withLoras.withLora(withLoras.loadDiffusionModel("sd1-unet.safetensors"), "q.safetensors", 0.5);
        DiffusionModel inCheckpoint = withLoras.withLora(sd1.model(), "q.safetensors", 0.5);
        assertThat(unet(alone, cond)).containsExactly(unet(inCheckpoint, cond));
        assertThat(unet(alone, cond)).isNotEqualTo(unet(sd1.model(), cond));
        assertThatThrownBy(() -> withLoras.withLora(library.loadTextEncoders(List.of("clip_l.safetensors"), "stable_diffusion"),
                "q.safetensors", 1)).hasMessageContaining("Easel does not merge them into text encoders loaded on their own yet");
    }

    @Test
    void typesAndFilesThatDoNotFitAreRefusedSayingWhat() throws IOException {
        ModelLibrary library = library();
        assertThatThrownBy(() -> library.loadTextEncoders(List.of("clip_l.safetensors"), "flux"))
                .hasMessageStartingWith("text encoders of type flux cannot run in Easel yet; it runs stable_diffusion");
        assertThatThrownBy(() -> library.loadTextEncoders(List.of("clip_l.safetensors", "xl_l.safetensors"), "sdxl"))
                .hasMessageContaining("sdxl needs a CLIP-L and an OpenCLIP bigG text encoder;")
                .hasMessageEndingWith("hold [a CLIP-L, a CLIP-L]");
        Files.copy(dir.resolve("models/text_encoders/clip_l.safetensors"), dir.resolve("models/vae/not-a-vae.safetensors"));
        assertThatThrownBy(() -> library.loadVae("not-a-vae.safetensors"))
                .hasMessageContaining("not-a-vae.safetensors: no VAE in it; looked for decoder.conv_in.weight and encoder.conv_in.weight");
        Files.write(dir.resolve("models/unet/old.ckpt"), new byte[]{(byte) 0x80});
        assertThatThrownBy(() -> library.loadDiffusionModel("old.ckpt"))
                .hasMessageStartingWith("old.ckpt is a pickled PyTorch checkpoint, which Easel never loads");
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
