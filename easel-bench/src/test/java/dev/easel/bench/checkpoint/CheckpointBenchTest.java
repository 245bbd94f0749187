package dev.easel.bench.checkpoint;

import dev.easel.bench.Options;
import dev.easel.models.diffusers.ModelFamily;
import dev.easel.models.safetensors.DType;
import dev.easel.models.text.VocabularyWriter;
import dev.easel.models.toy.ToyCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checkpoint benchmark on a tiny random-weight SD1 file: what it loads, counts and attributes (no timings asserted). */
class CheckpointBenchTest {
    @TempDir
    Path dir;

    private Path toyCheckpoint() throws Exception {
        Path file = dir.resolve("toy-sd1.safetensors");
        ToyCheckpoints.write(file, ToyCheckpoints.sd1(), ToyCheckpoints.SEED, DType.F16);
        // found next to the model, as the library finds it
        VocabularyWriter.writeWithClipIds(dir.resolve("tokenizer"), List.of("a", "cat"));
        return file;
    }

    @Test
    void oneRunLoadsTheFileAndProfilesEveryTimedEvaluation() throws Exception {
        Path file = toyCheckpoint();

        CheckpointRun.Result r = CheckpointRun.run(Options.of(Map.of(
                "file", file.toString(), "size", "64", "threads", "1", "warmup", "2", "reps", "3")));

        assertThat(r.config().family()).isEqualTo(ModelFamily.SD1);
        assertThat(r.outputShape()).containsExactly(2, 4, 8, 8);
        assertThat(r.evalNanos()).hasSize(3).allSatisfy(n -> assertThat(n).isPositive());
        // the runs are the timed ones, each inside its apply call, and its kernels inside it
        assertThat(r.runs()).hasSize(3).allSatisfy(run -> {
            assertThat(run.kernelMicrosByOp()).containsKey("Conv");
            assertThat(run.kernelMicros()).isPositive().isLessThanOrEqualTo(run.durationMicros());
        });
        for (int i = 0; i < 3; i++) assertThat(r.runs().get(i).durationMicros()).isLessThanOrEqualTo(r.evalNanos().get(i) / 1000);
        assertThat(r.kernelShare()).isPositive().isLessThanOrEqualTo(r.runShare());
        assertThat(r.runShare()).isLessThanOrEqualTo(1.0);
        assertThat(r.peakRssBytes()).isPositive();
        assertThat(r.report()).contains("toy-sd1.safetensors: SD1 EPS, latent 8x8 (image 64x64), batch 2 (cond + uncond), intra-op threads 1, "
                        + "graph optimisation EXTENDED_OPT")
                .contains("median").contains("after 2 warm-up").contains("kernel time by operator: ");
    }

    @Test
    void eachThreadCountRunsInAJvmOfItsOwnWithTheOptimisationAskedFor() throws Exception {
        Path file = toyCheckpoint();

        String report = CheckpointBench.run(Options.of(Map.of(
                "file", file.toString(), "size", "64", "threads", "1,2", "warmup", "0", "reps", "1", "optimization", "all")));

        assertThat(report.lines().filter(l -> l.startsWith("toy-sd1.safetensors: "))).containsExactly(
                "toy-sd1.safetensors: SD1 EPS, latent 8x8 (image 64x64), batch 2 (cond + uncond), intra-op threads 1, graph optimisation ALL_OPT",
                "toy-sd1.safetensors: SD1 EPS, latent 8x8 (image 64x64), batch 2 (cond + uncond), intra-op threads 2, graph optimisation ALL_OPT");
    }

    @Test
    void anUnknownOptimisationLevelIsRefused() {
        assertThatThrownBy(() -> CheckpointRun.optimization("most"))
                .hasMessageContaining("--optimization must be all, extended, basic or none, was most");
    }

    @Test
    void aMissingFileOrBadSizeIsRefusedClearly() throws Exception {
        assertThatThrownBy(() -> CheckpointRun.run(Options.of(Map.of("file", dir.resolve("none.safetensors").toString()))))
                .hasMessageContaining("none.safetensors").hasMessageContaining("checkpoint not found");
        Path file = toyCheckpoint();
        assertThatThrownBy(() -> CheckpointRun.run(Options.of(Map.of("file", file.toString(), "size", "60"))))
                .hasMessageContaining("--size must be a multiple of 8");
    }

    @Test
    void profileRunsGetTheKernelsThatFallWithinThem() throws Exception {
        Path json = dir.resolve("profile.json");
        Files.writeString(json, """
                [{"cat":"Session","name":"model_run","ts":100,"dur":50},
                 {"cat":"Node","name":"conv1_kernel_time","ts":110,"dur":20,"args":{"op_name":"Conv"}},
                 {"cat":"Node","name":"mm_kernel_time","ts":135,"dur":10,"args":{"op_name":"MatMul"}},
                 {"cat":"Node","name":"conv1_fence_before","ts":109,"dur":0,"args":{"op_name":"Conv"}},
                 {"cat":"Session","name":"model_run","ts":200,"dur":40},
                 {"cat":"Node","name":"conv1_kernel_time","ts":205,"dur":30,"args":{"op_name":"Conv"}},
                 {"cat":"Session","name":"session_initialization","ts":0,"dur":90}]""", StandardCharsets.UTF_8);

        OrtProfile profile = OrtProfile.read(json);

        assertThat(profile.runs()).extracting(OrtProfile.Run::durationMicros).containsExactly(50L, 40L);
        assertThat(profile.runs().get(0).kernelMicrosByOp()).containsExactly(Map.entry("Conv", 20L), Map.entry("MatMul", 10L));
        assertThat(profile.last(1).getFirst().kernelMicros()).isEqualTo(30);
        assertThat(OrtProfile.byOp(profile.runs())).containsExactly(Map.entry("Conv", 50L), Map.entry("MatMul", 10L));
        assertThatThrownBy(() -> profile.last(3)).hasMessageContaining("holds 2 runs, expected at least 3");
    }
}
