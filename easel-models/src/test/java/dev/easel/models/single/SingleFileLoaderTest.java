package dev.easel.models.single;

import dev.easel.diffusion.cond.ConditioningEntry;
import dev.easel.models.Checkpoint;
import dev.easel.models.library.LoadedCheckpoint;
import dev.easel.models.safetensors.DType;
import dev.easel.models.safetensors.SafetensorsFile;
import dev.easel.models.safetensors.SafetensorsWriter;
import dev.easel.models.toy.ToyCheckpoints;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How {@link SingleFileLoader} reads files: dtypes, layouts, alignment, and what it says about a file that does not fit. */
class SingleFileLoaderTest {
    @TempDir Path dir;

    private static final CheckpointConfig SD1 = ToyCheckpoints.sd1();

    /** One UNet evaluation, the conditioning of a prompt, and a decode: enough to tell two loads apart. */
    private record Outputs(float[] unet, float[] context, float[] image) {
    }

    private Outputs run(Path file, CheckpointConfig config, AttentionChunking chunking) throws Exception {
        try (SafetensorsFile f = SafetensorsFile.open(file);
             LoadedCheckpoint loaded = new SingleFileLoader(dev.easel.models.onnx.SessionSettings.defaults(), chunking)
                     .load(f, config, ToyCheckpoints.tokenizers())) {
            Checkpoint c = loaded.checkpoint();
            ConditioningEntry cond = c.clip().encode("320 1000 42").entries().get(0);
            Tensor x = ComfyParityTest.formula(new int[]{2, 4, 12, 16}, 0.37, 0.1, 1, 0);
            Tensor eps = c.model().apply(x, new double[]{637, 20}, List.of(cond, cond));
            Tensor image = c.vae().decode(ComfyParityTest.formula(new int[]{1, 4, 4, 6}, 0.29, 0.2, 2, 0));
            return new Outputs(eps.data(), cond.crossAttn().data(), image.data());
        }
    }

    private Path write(String name, Map<String, long[]> tensors, DType dtype, Map<String, SafetensorsWriter.Entry> extra) throws IOException {
        Path file = dir.resolve(name);
        ToyCheckpoints.write(file, tensors, 7, dtype, extra);
        return file;
    }

    private Path write(String name, DType dtype) throws IOException {
        return write(name, CheckpointTensors.expected(SD1), dtype, Map.of());
    }

    @Test
    void float32AndFloat16FilesOfTheSameValuesGiveTheSameOutputs() throws Exception {
        Outputs half = run(write("f16.safetensors", DType.F16), SD1, AttentionChunking.defaults());
        // the fp16 values widened exactly: the Cast folded in the graph must change nothing
        Map<String, SafetensorsWriter.Entry> widened = new LinkedHashMap<>();
        Map<String, long[]> all = CheckpointTensors.expected(SD1);
        all.forEach((key, shape) -> {
            float[] v = ToyCheckpoints.values(key, shape, all, 7);
            for (int i = 0; i < v.length; i++) v[i] = Float.float16ToFloat(Float.floatToFloat16(v[i]));
            widened.put(key, SafetensorsWriter.floats(DType.F32, v, shape));
        });
        Path f32 = dir.resolve("f32.safetensors");
        SafetensorsWriter.write(f32, widened, Map.of());
        Outputs full = run(f32, SD1, AttentionChunking.defaults());
        assertThat(full.unet()).containsExactly(half.unet());
        assertThat(full.context()).containsExactly(half.context());
        assertThat(full.image()).containsExactly(half.image());
    }

    @Test
    void bfloat16FilesLoadAndStayCloseToFloat32() throws Exception {
        Outputs bf16 = run(write("bf16.safetensors", DType.BF16), SD1, AttentionChunking.defaults());
        Outputs f32 = run(write("f32.safetensors", DType.F32), SD1, AttentionChunking.defaults());
        // bf16 keeps 8 bits of mantissa: outputs move by a few percent of their scale, not more
        assertThat(maxDiff(bf16.unet(), f32.unet())).isGreaterThan(0).isLessThan(0.1f * maxAbs(f32.unet()));
        assertThat(maxDiff(bf16.image(), f32.image())).isLessThan(0.1f);
    }

    @Test
    void oldSd1FilesWithoutTextModelInTheirClipKeysLoadTheSame() throws Exception {
        // the same values under the old names: values are drawn per key, so write them explicitly
        Map<String, SafetensorsWriter.Entry> entries = new LinkedHashMap<>();
        Map<String, long[]> all = CheckpointTensors.expected(SD1);
        all.forEach((key, shape) -> entries.put(key.replace("cond_stage_model.transformer.text_model.", "cond_stage_model.transformer."),
                SafetensorsWriter.floats(DType.F16, ToyCheckpoints.values(key, shape, all, 7), shape)));
        Path old = dir.resolve("old.safetensors");
        SafetensorsWriter.write(old, entries, Map.of());
        assertThat(run(old, SD1, AttentionChunking.defaults()).context())
                .containsExactly(run(write("new.safetensors", DType.F16), SD1, AttentionChunking.defaults()).context());
    }

    @Test
    void unusedTensorsAndUnalignedOnesAreHandled() throws Exception {
        Map<String, SafetensorsWriter.Entry> first = new LinkedHashMap<>();
        // a one-byte tensor first shifts every following tensor to an odd offset; EMA and schedule keys are ignored
        first.put("model_ema.decay", new SafetensorsWriter.Entry(DType.U8, new long[]{1}, new byte[]{1}));
        Map<String, long[]> all = CheckpointTensors.expected(SD1);
        all.forEach((key, shape) -> first.put(key, SafetensorsWriter.floats(DType.F16, ToyCheckpoints.values(key, shape, all, 7), shape)));
        first.put("alphas_cumprod", SafetensorsWriter.floats(DType.F32, new float[1000], 1000));
        Path odd = dir.resolve("odd.safetensors");
        SafetensorsWriter.write(odd, first, Map.of());
        try (SafetensorsFile f = SafetensorsFile.open(odd)) {
            assertThat(f.tensor("model.diffusion_model.out.2.bias").aligned()).isFalse();
        }
        Outputs shifted = run(odd, SD1, AttentionChunking.defaults());
        Outputs aligned = run(write("aligned.safetensors", DType.F16), SD1, AttentionChunking.defaults());
        assertThat(shifted.unet()).containsExactly(aligned.unet());
        assertThat(shifted.image()).containsExactly(aligned.image());
    }

    @Test
    void chunkedAttentionComputesWhatUnchunkedAttentionComputes() throws Exception {
        Path file = write("sd1.safetensors", DType.F16);
        Outputs whole = run(file, SD1, AttentionChunking.none());
        // a budget of one score forces the largest number of slices, the last ones partly or wholly empty
        Outputs sliced = run(file, SD1, new AttentionChunking(1, 7));
        assertThat(maxDiff(whole.unet(), sliced.unet())).isLessThan(1e-5f);
        assertThat(maxDiff(whole.image(), sliced.image())).isLessThan(1e-5f);
    }

    @Test
    void aMissingTensorNamesTheFileAndTheKey() throws Exception {
        Map<String, long[]> tensors = new LinkedHashMap<>(CheckpointTensors.expected(SD1));
        tensors.remove("model.diffusion_model.middle_block.1.transformer_blocks.0.attn2.to_k.weight");
        Path file = write("missing.safetensors", tensors, DType.F16, Map.of());
        assertThatThrownBy(() -> run(file, SD1, AttentionChunking.defaults()))
                .isInstanceOf(IOException.class)
                .hasMessage(file + ": has no tensor model.diffusion_model.middle_block.1.transformer_blocks.0.attn2.to_k.weight,"
                        + " which the UNet needs (shape [64, 32])");
    }

    @Test
    void aTensorOfAnotherShapeSaysBothShapes() throws Exception {
        Map<String, long[]> tensors = new LinkedHashMap<>(CheckpointTensors.expected(SD1));
        tensors.put("first_stage_model.decoder.conv_in.weight", new long[]{64, 8, 3, 3});
        Path file = write("shape.safetensors", tensors, DType.F16, Map.of());
        assertThatThrownBy(() -> run(file, SD1, AttentionChunking.defaults()))
                .isInstanceOf(IOException.class)
                .hasMessage(file + ": tensor first_stage_model.decoder.conv_in.weight is [64, 8, 3, 3], but the VAE decoder"
                        + " as configured needs [64, 4, 3, 3]");
    }

    @Test
    void weightsStoredAsIntegersAreRefused() throws Exception {
        Map<String, long[]> tensors = new LinkedHashMap<>(CheckpointTensors.expected(SD1));
        tensors.remove("model.diffusion_model.out.2.bias");
        Path file = write("ints.safetensors", tensors, DType.F16,
                Map.of("model.diffusion_model.out.2.bias", SafetensorsWriter.longs(new long[4], 4)));
        assertThatThrownBy(() -> run(file, SD1, AttentionChunking.defaults()))
                .isInstanceOf(IOException.class)
                .hasMessage(file + ": tensor model.diffusion_model.out.2.bias is I64; Easel reads weights stored as F32, F16 or BF16");
    }

    @Test
    void aFileWithoutItsTextEncoderSaysWhichPrefixesWereTried() throws Exception {
        Map<String, long[]> tensors = new LinkedHashMap<>();
        CheckpointTensors.expected(SD1).forEach((k, s) -> {
            if (!k.startsWith("cond_stage_model.")) tensors.put(k, s);
        });
        Path file = write("noclip.safetensors", tensors, DType.F16, Map.of());
        assertThatThrownBy(() -> run(file, SD1, AttentionChunking.defaults()))
                .isInstanceOf(IOException.class)
                .hasMessage(file + ": has no text encoder: none of [cond_stage_model.transformer.text_model.embeddings.token_embedding.weight,"
                        + " cond_stage_model.transformer.embeddings.token_embedding.weight] is in the file");
    }

    @Test
    void sdxlConditioningCarriesThePooledEmbeddingOfTheSecondEncoder() throws Exception {
        Path file = dir.resolve("xl.safetensors");
        ToyCheckpoints.write(file, ToyCheckpoints.sdxl(), 3, DType.F16);
        try (SafetensorsFile f = SafetensorsFile.open(file);
             LoadedCheckpoint loaded = SingleFileLoader.defaults().load(f, ToyCheckpoints.sdxl(), ToyCheckpoints.tokenizers())) {
            ConditioningEntry e = loaded.checkpoint().clip().encode("5 6").entries().get(0);
            assertThat(e.crossAttn().shape()).containsExactly(1, 77, 96);
            assertThat(e.pooled().map(Tensor::shape)).hasValueSatisfying(s -> assertThat(s).containsExactly(1, 64));
            ConditioningEntry noPooled = ConditioningEntry.of(e.crossAttn(), Optional.empty());
            assertThatThrownBy(() -> loaded.checkpoint().model().apply(Tensor.zeros(1, 4, 8, 8), new double[]{1}, List.of(noPooled)))
                    .hasMessageContaining("needs a pooled text embedding");
        }
    }

    private static float maxDiff(float[] a, float[] b) {
        float m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    private static float maxAbs(float[] a) {
        float m = 0;
        for (float v : a) m = Math.max(m, Math.abs(v));
        return m;
    }
}
