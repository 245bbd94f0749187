package dev.easel.models.library;

import dev.easel.diffusion.cond.ConditioningEntry;
import dev.easel.diffusion.model.DiffusionModel;
import dev.easel.models.Checkpoint;
import dev.easel.models.ClipModel;
import dev.easel.models.cache.ModelCache;
import dev.easel.models.safetensors.DType;
import dev.easel.models.safetensors.SafetensorsWriter;
import dev.easel.models.single.CheckpointTensors;
import dev.easel.models.text.VocabularyWriter;
import dev.easel.models.toy.ToyCheckpoints;
import dev.easel.models.toy.ToyDiffusers;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * LoRAs merged by the library into a tiny single-file SD1 checkpoint: the outputs are those of the
 * checkpoint with {@code W + s·(α/r)·up@down} written into its weights, LoRAs stack, and the
 * checkpoint itself is never changed.
 */
class LoraThroughTheLibraryTest {
    private static final String TO_Q = "model.diffusion_model.input_blocks.1.1.transformer_blocks.0.attn1.to_q.weight";
    private static final String OUT = "model.diffusion_model.out.2.weight";
    private static final String CLIP_Q = "cond_stage_model.transformer.text_model.encoder.layers.0.self_attn.q_proj.weight";
    private static final Map<String, long[]> TENSORS = CheckpointTensors.expected(ToyCheckpoints.sd1());

    @TempDir
    Path dir;
    private Path loras;

    /** One low-rank pair with its values, as a LoRA file stores it. */
    private record Pair(String base, float[] up, long[] upShape, float[] down, long[] downShape) {
        static Pair random(String base, long[] upShape, long[] downShape, long seed) {
            return new Pair(base, values(upShape, seed), upShape, values(downShape, seed + 1), downShape);
        }

        private static float[] values(long[] shape, long seed) {
            int n = 1;
            for (long d : shape) n *= (int) d;
            Random random = new Random(seed);
            float[] v = new float[n];
            // kept exactly in float16, as the files store them
            for (int i = 0; i < n; i++) v[i] = Float.float16ToFloat(Float.floatToFloat16((float) (0.2 * random.nextGaussian())));
            return v;
        }

        /** {@code scale · up@down}, summed over the rank in order, in float32. */
        float[] delta(float scale) {
            int out = (int) upShape[0], rank = (int) downShape[0], cols = down.length / rank;
            float[] d = new float[out * cols];
            for (int o = 0; o < out; o++) {
                for (int k = 0; k < rank; k++) for (int c = 0; c < cols; c++) d[o * cols + c] += up[o * rank + k] * down[k * cols + c];
            }
            for (int i = 0; i < d.length; i++) d[i] *= scale;
            return d;
        }
    }

    // kohya names with LDM UNet names and an alpha; a 3×3 conv changed by a LoCon pair; a text-encoder layer
    private final Pair toQ = Pair.random("lora_unet_input_blocks_1_1_transformer_blocks_0_attn1_to_q", new long[]{32, 2}, new long[]{2, 32}, 1);
    private final Pair conv = Pair.random("lora_unet_out_2", new long[]{4, 2, 1, 1}, new long[]{2, 32, 3, 3}, 3);
    private final Pair clipQ = Pair.random("lora_te_text_model_encoder_layers_0_self_attn_q_proj", new long[]{32, 2}, new long[]{2, 32}, 5);
    // kohya names with diffusers UNet names, no alpha (α/r = 1)
    private final Pair diffusersToQ = Pair.random("lora_unet_down_blocks_0_attentions_0_transformer_blocks_0_attn1_to_q",
            new long[]{32, 1}, new long[]{1, 32}, 7);

    @BeforeEach
    void files() throws IOException {
        ToyCheckpoints.write(Files.createDirectories(dir.resolve("checkpoints")).resolve("tiny.safetensors"), ToyCheckpoints.sd1(),
                ToyCheckpoints.SEED, DType.F32);
        VocabularyWriter.writeWithClipIds(dir.resolve("tokenizers"), List.of("a", "cat"));
        loras = Files.createDirectories(dir.resolve("loras"));
        writeLora("style.safetensors", Map.of(toQ, 1f, conv, 1f, clipQ, 2f));
        writeLora("sub/detail.safetensors", Map.of(diffusersToQ, Float.NaN));
    }

    private void writeLora(String name, Map<Pair, Float> pairs) throws IOException {
        Map<String, SafetensorsWriter.Entry> t = new LinkedHashMap<>();
        pairs.forEach((p, alpha) -> {
            t.put(p.base() + ".lora_up.weight", SafetensorsWriter.floats(DType.F16, p.up(), p.upShape()));
            t.put(p.base() + ".lora_down.weight", SafetensorsWriter.floats(DType.F16, p.down(), p.downShape()));
            if (!alpha.isNaN()) t.put(p.base() + ".alpha", SafetensorsWriter.floats(DType.F32, new float[]{alpha}));
        });
        Path file = loras.resolve(name);
        Files.createDirectories(file.getParent());
        SafetensorsWriter.write(file, t, Map.of());
    }

    private ModelLibrary library(Path checkpoints, ModelCache cache) {
        return new ModelLibrary(Map.of(ModelLibrary.CHECKPOINTS, List.of(checkpoints), ModelLibrary.LORAS, List.of(loras),
                ModelLibrary.TOKENIZERS, List.of(dir.resolve("tokenizers"))), cache);
    }

    private static float[] stored(String key) {
        return ToyCheckpoints.values(key, TENSORS.get(key), TENSORS, ToyCheckpoints.SEED);
    }

    /** The weight with each change added in order, as a float32 tensor. */
    private static SafetensorsWriter.Entry changed(String key, float[]... deltas) {
        float[] w = stored(key);
        for (float[] d : deltas) for (int i = 0; i < w.length; i++) w[i] += d[i];
        return SafetensorsWriter.floats(DType.F32, w, TENSORS.get(key));
    }

    private static float[] unet(DiffusionModel model, ClipModel clip) {
        List<ConditioningEntry> cond = clip.encode("a cat").entries();
        float[] x = new float[4 * 8 * 8];
        for (int i = 0; i < x.length; i++) x[i] = (float) Math.sin(0.37 * i);
        return model.apply(Tensor.of(x, 1, 4, 8, 8), new double[]{411}, cond).data();
    }

    @Test
    void stackedLorasChangeTheOutputsExactlyAsTheMergedWeightsDo() throws IOException {
        ModelCache cache = ModelCache.lru(1L << 30);
        ModelLibrary library = library(dir.resolve("checkpoints"), cache);
        assertThat(library.loraNames()).containsExactly("style.safetensors", "sub/detail.safetensors");
        Checkpoint base = library.loadCheckpoint("tiny.safetensors");
        float[] before = unet(base.model(), base.clip());
        float[] contextBefore = base.clip().encode("a cat").entries().getFirst().crossAttn().data();

        DiffusionModel model = library.withLora(library.withLora(base.model(), "style.safetensors", 0.8), "sub/detail.safetensors", 0.5);
        ClipModel clip = library.withLora(base.clip(), "style.safetensors", 1.5);

        // the same checkpoint with W + s·(α/r)·up@down written into it: α/r = 1/2 for the first LoRA, 1 (no alpha) for the second
        Map<String, SafetensorsWriter.Entry> merged = new LinkedHashMap<>();
        merged.put(TO_Q, changed(TO_Q, toQ.delta(0.8f * 0.5f), diffusersToQ.delta(0.5f)));
        merged.put(OUT, changed(OUT, conv.delta(0.8f * 0.5f)));
        merged.put(CLIP_Q, changed(CLIP_Q, clipQ.delta(1.5f * 1f)));
        Path expectedDir = Files.createDirectories(dir.resolve("expected"));
        ToyCheckpoints.write(expectedDir.resolve("tiny.safetensors"), TENSORS, ToyCheckpoints.SEED, DType.F32, merged);
        Checkpoint expected = library(expectedDir, ModelCache.lru(1L << 30)).loadCheckpoint("tiny.safetensors");

        assertThat(clip.encode("a cat").entries().getFirst().crossAttn().data())
                .containsExactly(expected.clip().encode("a cat").entries().getFirst().crossAttn().data());
        assertThat(unet(model, expected.clip())).containsExactly(unet(expected.model(), expected.clip()));
        assertThat(maxDiff(unet(model, expected.clip()), unet(base.model(), expected.clip()))).isGreaterThan(1e-3f);

        // the checkpoint as loaded is unchanged, and each LoRA chain is an entry of its own: base, style, style + detail, clip
        assertThat(unet(base.model(), base.clip())).containsExactly(before);
        assertThat(base.clip().encode("a cat").entries().getFirst().crossAttn().data()).containsExactly(contextBefore);
        assertThat(cache.size()).isEqualTo(4);
        library.withLora(library.withLora(base.model(), "style.safetensors", 0.8), "sub/detail.safetensors", 0.5);
        assertThat(cache.size()).isEqualTo(4);
        library.withLora(base.model(), "style.safetensors", 0.7);
        assertThat(cache.size()).isEqualTo(5);
    }

    @Test
    void aLayerChosenBeforeTheLoraStaysChosen() throws IOException {
        ModelLibrary library = library(dir.resolve("checkpoints"), ModelCache.lru(1L << 30));
        Checkpoint base = library.loadCheckpoint("tiny.safetensors");
        ClipModel skipped = base.clip().withLastLayer(-2);
        ClipModel loraThenSkip = library.withLora(base.clip(), "style.safetensors", 1).withLastLayer(-2);
        ClipModel skipThenLora = library.withLora(skipped, "style.safetensors", 1);
        assertThat(skipThenLora.encode("a cat").entries().getFirst().crossAttn().data())
                .containsExactly(loraThenSkip.encode("a cat").entries().getFirst().crossAttn().data());
    }

    @Test
    void whatCannotTakeOrIsNotALoraIsRefusedSayingWhy() throws IOException {
        Path checkpoints = dir.resolve("checkpoints");
        ToyDiffusers.sd15().vocabulary(List.of("a", "cat")).writeTo(checkpoints.resolve("toy-onnx"));
        Files.copy(checkpoints.resolve("tiny.safetensors"), loras.resolve("not-a-lora.safetensors"));
        Files.write(loras.resolve("old.pt"), new byte[]{(byte) 0x80, 2});
        ModelLibrary library = library(checkpoints, ModelCache.lru(1L << 30));
        Checkpoint onnx = library.loadCheckpoint("toy-onnx");
        Checkpoint tiny = library.loadCheckpoint("tiny.safetensors");

        assertThat(library.loraNames()).containsExactly("not-a-lora.safetensors", "old.pt", "style.safetensors", "sub/detail.safetensors");
        assertThatThrownBy(() -> library.withLora(onnx.model(), "style.safetensors", 1))
                .hasMessage("LoRAs merge into single-file .safetensors checkpoints only; toy-onnx is loaded as diffusers-onnx, "
                        + "whose weights are inside its ONNX graphs");
        assertThatThrownBy(() -> library.withLora(tiny.model(), "not-a-lora.safetensors", 1))
                .hasMessage(loras.resolve("not-a-lora.safetensors").toRealPath() + " holds no LoRA weights "
                        + "(no lora_up/lora_down or lora_A/lora_B pairs); is it a LoRA?");
        assertThatThrownBy(() -> library.withLora(tiny.clip(), "old.pt", 1))
                .hasMessageStartingWith("old.pt is a pickled PyTorch checkpoint, which Easel never loads");
        assertThatThrownBy(() -> library.withLora(tiny.model(), "missing.safetensors", 1))
                .hasMessageContaining("no LoRA of that name in the loras folders");
    }

    private static float maxDiff(float[] a, float[] b) {
        float m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }
}
