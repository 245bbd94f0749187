package dev.easel.models.single;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.easel.diffusion.cond.Conditioning;
import dev.easel.diffusion.cond.ConditioningEntry;
import dev.easel.diffusion.ksampler.KSampler;
import dev.easel.diffusion.ksampler.SamplingRequest;
import dev.easel.diffusion.latent.Latent;
import dev.easel.diffusion.sample.Sampler;
import dev.easel.diffusion.sample.StepListener;
import dev.easel.diffusion.schedule.Scheduler;
import dev.easel.models.Checkpoint;
import dev.easel.models.ClipModel;
import dev.easel.models.diffusers.ModelFamily;
import dev.easel.models.library.LoadedCheckpoint;
import dev.easel.models.safetensors.DType;
import dev.easel.models.safetensors.SafetensorsFile;
import dev.easel.models.toy.ToyCheckpoints;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tiny SD1, SD2-v and SDXL checkpoints of {@link ToyCheckpoints} against what ComfyUI's own
 * model code computes for the same files ({@code src/test/reference/single_file_parity.py}, output in
 * {@code reference/single-file-parity.json}): text-encoder conditioning (plain, weighted, two
 * chunks, SD1 clip skip), one UNet evaluation, VAE decode and encode, and a 4-step euler run with
 * CFG from the seed's noise, decoded. Both sides compute in float32 from the same fp16 weights; the
 * differences are the order of floating-point operations, and each comparison allows
 * {@link #TOLERANCE} relative to the reference's largest magnitude.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComfyParityTest {
    /** Largest allowed |Easel − ComfyUI| as a fraction of max |ComfyUI| over the compared tensor. */
    static final double TOLERANCE = 1e-4;

    @TempDir Path dir;
    private JsonNode reference;
    private final Map<String, LoadedCheckpoint> loaded = new HashMap<>();

    @BeforeAll
    void readReference() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/reference/single-file-parity.json")) {
            reference = new ObjectMapper().readTree(in).get("families");
        }
    }

    @AfterAll
    void close() throws Exception {
        for (LoadedCheckpoint c : loaded.values()) c.close();
    }

    private static CheckpointConfig config(String family) {
        return switch (family) {
            case "sd1" -> ToyCheckpoints.sd1();
            case "sd2v" -> ToyCheckpoints.sd2v();
            default -> ToyCheckpoints.sdxl();
        };
    }

    /** The same file ComfyUI read: written again from the seed, its SHA-256 checked against the reference's. */
    private Checkpoint checkpoint(String family) throws Exception {
        LoadedCheckpoint c = loaded.get(family);
        if (c == null) {
            Path file = dir.resolve(family + ".safetensors");
            ToyCheckpoints.write(file, config(family), ToyCheckpoints.SEED, DType.F16);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            assertThat(sha).as("the toy checkpoint ComfyUI computed the reference from").isEqualTo(reference.get(family).get("sha256").asText());
            try (SafetensorsFile f = SafetensorsFile.open(file)) {
                c = SingleFileLoader.defaults().load(f, config(family), ToyCheckpoints.tokenizers());
            }
            loaded.put(family, c);
        }
        return c.checkpoint();
    }

    /** The reference's token rows as words of the id tokenizer: {@code "320 1000:1.3 42"}. */
    static final Map<String, String> PROMPTS = Map.of(
            "plain", "320 1000 42 7",
            "weighted", "320 1000:1.3 42 7:0.8",
            "long", IntStream.range(0, 80).mapToObj(i -> String.valueOf((i * 37 + 11) % 49000)).collect(Collectors.joining(" ")),
            "negative", "555 9");

    @ParameterizedTest
    @ValueSource(strings = {"sd1", "sd2v", "sdxl"})
    void textEncoderMatchesComfyUi(String family) throws Exception {
        ClipModel clip = checkpoint(family).clip();
        JsonNode ref = reference.get(family).get("clip");
        for (Map.Entry<String, String> prompt : PROMPTS.entrySet()) {
            ConditioningEntry e = clip.encode(prompt.getValue()).entries().get(0);
            JsonNode r = ref.get(prompt.getKey());
            assertClose(e.crossAttn(), r.get("hidden"), family + " " + prompt.getKey() + " hidden");
            if (!r.get("pooled").isNull()) assertClose(e.pooled().orElseThrow(), r.get("pooled"), family + " " + prompt.getKey() + " pooled");
        }
        if (family.equals("sd1")) {
            ConditioningEntry skip = clip.withLastLayer(-2).encode(PROMPTS.get("plain")).entries().get(0);
            assertClose(skip.crossAttn(), ref.get("plain_layer_-2").get("hidden"), "sd1 clip skip −2");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sd1", "sd2v", "sdxl"})
    void unetEvaluationMatchesComfyUi(String family) throws Exception {
        CheckpointConfig config = config(family);
        Tensor x = formula(new int[]{1, 4, 12, 16}, 0.37, 0.1, 1, 0);
        Tensor context = formula(new int[]{1, 77, config.unet().contextDim()}, 0.11, 0.3, 1, 0);
        Optional<Tensor> pooled = config.family() == ModelFamily.SDXL
                ? Optional.of(formula(new int[]{1, 64}, 0.23, 0.5, 1, 0)) : Optional.empty();
        JsonNode ref = reference.get(family).get("unet");
        Tensor out = checkpoint(family).model().apply(x, new double[]{ref.get("timestep").asDouble()},
                List.of(ConditioningEntry.of(context, pooled)));
        assertClose(out, ref.get("out"), family + " UNet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sd1", "sd2v", "sdxl"})
    void vaeMatchesComfyUi(String family) throws Exception {
        JsonNode ref = reference.get(family).get("vae");
        Checkpoint c = checkpoint(family);
        Tensor decoded = c.vae().decode(formula(new int[]{1, 4, 4, 6}, 0.29, 0.2, 2, 0));
        assertClose(toNchw(decoded), ref.get("decoded_nchw"), family + " VAE decode");
        Tensor encoded = c.vae().encode(formula(new int[]{1, 32, 48, 3}, 0.013, 0, 0.5, 0.5));
        assertClose(encoded, ref.get("encoded"), family + " VAE encode");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sd1", "sd2v", "sdxl"})
    void fourEulerStepsMatchComfyUi(String family) throws Exception {
        JsonNode ref = reference.get(family).get("euler");
        Checkpoint c = checkpoint(family);
        Conditioning positive = c.clip().encode(PROMPTS.get("plain")), negative = c.clip().encode(PROMPTS.get("negative"));
        SamplingRequest request = SamplingRequest.simple(ref.get("seed").asLong(), ref.get("steps").asInt(), ref.get("cfg").asDouble(),
                Sampler.EULER, Scheduler.NORMAL, 1.0);
        Latent out = KSampler.sample(c.model(), request, positive, negative, Latent.of(Tensor.zeros(1, 4, 6, 8)), StepListener.NONE);
        assertClose(out.samples(), ref.get("latent"), family + " 4 euler steps");
        assertClose(toNchw(c.vae().decode(out.samples())), ref.get("decoded_nchw"), family + " 4 euler steps, decoded");
    }

    /** {@code offset + scale · sin(a·i + b)} over the flat index, as the reference script builds its inputs. */
    static Tensor formula(int[] shape, double a, double b, double scale, double offset) {
        int n = 1;
        for (int d : shape) n *= d;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (offset + scale * Math.sin(a * i + b));
        return Tensor.of(v, shape);
    }

    static Tensor toNchw(Tensor nhwc) {
        int h = nhwc.dim(1), w = nhwc.dim(2), c = nhwc.dim(3);
        float[] in = nhwc.data(), out = new float[in.length];
        for (int p = 0; p < h * w; p++) for (int ch = 0; ch < c; ch++) out[ch * h * w + p] = in[p * c + ch];
        return Tensor.of(out, 1, c, h, w);
    }

    static float[] values(JsonNode packed) {
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(packed.get("float32_base64").asText())).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[b.remaining() / 4];
        b.asFloatBuffer().get(v);
        return v;
    }

    static void assertClose(Tensor actual, JsonNode packed, String what) {
        int[] shape = new int[packed.get("shape").size()];
        for (int i = 0; i < shape.length; i++) shape[i] = packed.get("shape").get(i).asInt();
        assertThat(actual.shape()).as(what + " shape").containsExactly(shape);
        float[] expected = values(packed), got = actual.data();
        double scale = 0, worst = 0;
        for (float e : expected) scale = Math.max(scale, Math.abs(e));
        for (int i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - expected[i]));
        System.out.printf("%s: max |diff| %.3g, max |ref| %.3g%n", what, worst, scale);
        assertThat(worst).as(what + ": largest difference from ComfyUI (reference magnitude " + scale + ")")
                .isLessThanOrEqualTo(TOLERANCE * Math.max(scale, 1e-3));
    }
}
