package dev.easel.models.toy;

import dev.easel.diffusion.model.Parameterization;
import dev.easel.models.diffusers.ModelFamily;
import dev.easel.models.safetensors.DType;
import dev.easel.models.safetensors.SafetensorsWriter;
import dev.easel.models.detect.TextEncoderPrefixes;
import dev.easel.models.single.CheckpointConfig;
import dev.easel.models.single.CheckpointTensors;
import dev.easel.models.single.TextEncoderConfig;
import dev.easel.models.single.TextEncoderConfig.Activation;
import dev.easel.models.single.TextEncoderConfig.Layout;
import dev.easel.models.single.TokenizerSource;
import dev.easel.models.single.UnetConfig;
import dev.easel.models.single.VaeConfig;
import dev.easel.models.text.TokenizerSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Tiny single-file checkpoints with the real key names and structure of SD1.x, SD2.x and SDXL but
 * small channel counts (32 and 64), written as real {@code .safetensors} files with seeded random
 * weights. The configurations are ones ComfyUI's own model classes accept, so the same file runs
 * there (the reference script in {@code src/test/reference/} does that). Token ids are CLIP's
 * (49408 rows of embeddings, start 49406, end 49407), so {@link #tokenizers()} — {@link ToyTokenizer},
 * whose words are ids — gives ComfyUI's token rows.
 *
 * <p>Values, per tensor from {@code new Random(seed · 31 + key.hashCode())}: conv and linear weights
 * N(0, 1/fan_in); their biases N(0, 0.05²); norm weights 1 + N(0, 0.1²) and biases N(0, 0.1²) (not
 * 1 and 0, so a misplaced norm shows); embeddings N(0, 0.5²).
 */
public final class ToyCheckpoints {
    /** The seed the committed reference numbers were computed for. */
    public static final long SEED = 20240611L;

    private ToyCheckpoints() {
    }

    /** SD1-shaped: UNet 32 channels, levels 1, 2, 2, 2, eight heads, 1×1-conv projections; CLIP-L layout 32 wide, 3 layers. */
    public static CheckpointConfig sd1() {
        UnetConfig unet = new UnetConfig(4, 4, 32, List.of(1, 2, 2, 2), 2, List.of(1, 1, 1, 1, 1, 1, 0, 0), 1,
                List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0), new UnetConfig.Heads.Fixed(8), 32, false, 0);
        TextEncoderConfig clip = new TextEncoderConfig(Layout.HUGGING_FACE, 32, 3, 4, 64, Activation.QUICK_GELU, 49408,
                TokenizerSpec.clipL(), false);
        return new CheckpointConfig(ModelFamily.SD1, unet, vae(),
                List.of(new CheckpointConfig.TextEncoder(TextEncoderPrefixes.SD1_CLIP_L, clip)), Parameterization.EPS);
    }

    /** SD2-v-shaped: 16-wide heads, linear projections; OpenCLIP layout 64 wide, 3 layers, padded with 0, with its text projection; v-prediction. */
    public static CheckpointConfig sd2v() {
        UnetConfig unet = new UnetConfig(4, 4, 32, List.of(1, 2, 2, 2), 2, List.of(1, 1, 1, 1, 1, 1, 0, 0), 1,
                List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0), new UnetConfig.Heads.OfWidth(16), 64, true, 0);
        return new CheckpointConfig(ModelFamily.SD2, unet, vae(),
                List.of(new CheckpointConfig.TextEncoder(TextEncoderPrefixes.SD2_CLIP_H, openClip())),
                Parameterization.V_PREDICTION);
    }

    /**
     * SDXL-shaped: levels 1, 2, 2 with transformer depths 0, 1, 2 (middle 2), label_emb over a
     * 64 + 6·256 ADM vector; CLIP-L layout 32 wide and OpenCLIP layout 64 wide with projection.
     */
    public static CheckpointConfig sdxl() {
        UnetConfig unet = new UnetConfig(4, 4, 32, List.of(1, 2, 2), 2, List.of(0, 0, 1, 1, 2, 2), 2,
                List.of(0, 0, 0, 1, 1, 1, 2, 2, 2), new UnetConfig.Heads.OfWidth(16), 96, true, 64 + 6 * 256);
        TextEncoderConfig l = new TextEncoderConfig(Layout.HUGGING_FACE, 32, 3, 4, 64, Activation.QUICK_GELU, 49408,
                TokenizerSpec.clipL(), false);
        return new CheckpointConfig(ModelFamily.SDXL, unet, vae(),
                List.of(new CheckpointConfig.TextEncoder(TextEncoderPrefixes.SDXL_CLIP_L, l),
                        new CheckpointConfig.TextEncoder(TextEncoderPrefixes.SDXL_CLIP_G, openClip())),
                Parameterization.EPS);
    }

    private static TextEncoderConfig openClip() {
        TokenizerSpec l = TokenizerSpec.clipL();
        return new TextEncoderConfig(Layout.OPEN_CLIP, 64, 3, 4, 128, Activation.GELU, 49408,
                new TokenizerSpec(l.maxLength(), l.startToken(), l.endToken(), 0, false), true);
    }

    /** 32 channels, levels 1, 2, 2, 2 (so 8× downscaling, as SD's), two res blocks. */
    private static VaeConfig vae() {
        return new VaeConfig(32, List.of(1, 2, 2, 2), 2, 4);
    }

    /** Tokenizers whose words are token ids, chunked as each encoder asks. */
    public static TokenizerSource tokenizers() {
        return ToyTokenizer::new;
    }

    /** Writes every tensor {@code config} reads, stored as {@code dtype} (F32, F16 or BF16). */
    public static void write(Path file, CheckpointConfig config, long seed, DType dtype) throws IOException {
        write(file, CheckpointTensors.expected(config), seed, dtype, Map.of());
    }

    /** Writes the given tensors (for a test that renames, drops or adds some), with {@code extra} as they are. */
    public static void write(Path file, Map<String, long[]> tensors, long seed, DType dtype,
                             Map<String, SafetensorsWriter.Entry> extra) throws IOException {
        Map<String, SafetensorsWriter.Entry> entries = new LinkedHashMap<>();
        tensors.forEach((key, shape) -> entries.put(key, SafetensorsWriter.floats(dtype, values(key, shape, tensors, seed), shape)));
        entries.putAll(extra);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "pt");
        metadata.put("note", "random weights for tests, seed " + seed);
        SafetensorsWriter.write(file, entries, metadata);
    }

    /**
     * Writes the tensors of {@code config} under {@code from}, renamed to start with {@code to}, in
     * float16: one part on its own, as a UNet, VAE or text-encoder file stores it.
     */
    public static void writePart(Path file, CheckpointConfig config, long seed, String from, String to) throws IOException {
        Map<String, long[]> all = CheckpointTensors.expected(config);
        Map<String, SafetensorsWriter.Entry> part = new LinkedHashMap<>();
        all.forEach((key, shape) -> {
            if (key.startsWith(from)) {
                part.put(to + key.substring(from.length()), SafetensorsWriter.floats(DType.F16, values(key, shape, all, seed), shape));
            }
        });
        java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        SafetensorsWriter.write(file, part, Map.of());
    }

    /** The values of one tensor, as {@link ToyCheckpoints} describes. */
    public static float[] values(String key, long[] shape, Map<String, long[]> all, long seed) {
        int n = Math.toIntExact(java.util.Arrays.stream(shape).reduce(1, Math::multiplyExact));
        Random random = new Random(seed * 31 + key.hashCode());
        float[] v = new float[n];
        boolean embedding = key.endsWith("embedding.weight") || key.endsWith("positional_embedding");
        boolean norm = shape.length == 1 && (key.endsWith(".weight")
                || key.endsWith(".bias") && rank(all, key.substring(0, key.length() - 5) + ".weight") == 1);
        double fanIn = 1;
        for (int i = 1; i < shape.length; i++) fanIn *= shape[i];
        for (int i = 0; i < n; i++) {
            double g = random.nextGaussian();
            if (embedding) v[i] = (float) (0.5 * g);
            else if (norm) v[i] = (float) (key.endsWith(".weight") ? 1 + 0.1 * g : 0.1 * g);
            else if (shape.length == 1) v[i] = (float) (0.05 * g);
            else v[i] = (float) (g / Math.sqrt(fanIn));
        }
        return v;
    }

    private static int rank(Map<String, long[]> all, String key) {
        long[] s = all.get(key);
        return s == null ? -1 : s.length;
    }
}
