package dev.easel.bench.checkpoint;

import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import dev.easel.bench.Options;
import dev.easel.bench.report.ProcessMemory;
import dev.easel.bench.report.TempFolders;
import dev.easel.diffusion.cond.ConditioningEntry;
import dev.easel.diffusion.noise.GeneratorNoise;
import dev.easel.models.diffusers.OnnxUnet;
import dev.easel.models.library.LoadedCheckpoint;
import dev.easel.models.library.SingleFileFormat;
import dev.easel.models.onnx.SessionSettings;
import dev.easel.models.safetensors.SafetensorsFile;
import dev.easel.models.single.AttentionChunking;
import dev.easel.models.single.CheckpointConfig;
import dev.easel.models.single.DetectedConfigs;
import dev.easel.models.single.SingleFileLoader;
import dev.easel.models.single.UnetConfig;
import dev.easel.tensor.Tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One thread count of the {@code checkpoint} benchmark, in a JVM of its own so that its peak RSS
 * is its own: loads a single-file checkpoint as {@code CheckpointLoaderSimple} does
 * ({@link SingleFileFormat}, every session ready), then times UNet evaluations of a batch of
 * {@value #BATCH} (cond and uncond, as guidance batches them at cfg ≠ 1) through the model's own
 * {@code apply}, with ONNX Runtime profiling the UNet's session to tell its {@code run} and its
 * kernels apart from the Java around them.
 */
public final class CheckpointRun {
    public static final int BATCH = 2;
    private static final int TOKENS = 77;
    /** A mid-schedule timestep of the 1000 discrete ones. */
    private static final double TIMESTEP = 500;
    /** SDXL's six size values, each embedded in 256: the rest of its ADM input is the pooled text embedding. */
    private static final int SDXL_SIZE_EMBEDDING = 6 * 256;

    /**
     * What one JVM measured. {@code evalNanos}: wall time of each timed {@code apply}; {@code runs}:
     * ORT's record of the same calls.
     */
    public record Result(Path file, CheckpointConfig config, int threads, OptLevel optimization, int size, int warmup, long loadNanos,
                         long peakRssBytes, List<Long> evalNanos, List<OrtProfile.Run> runs, int[] outputShape) {

        public double medianSeconds() {
            List<Long> sorted = evalNanos.stream().sorted().toList();
            return sorted.get(sorted.size() / 2) / 1e9;
        }

        private long totalEvalMicros() {
            return evalNanos.stream().mapToLong(Long::longValue).sum() / 1000;
        }

        /** The share of the timed evaluations spent inside ORT's {@code run}. */
        public double runShare() {
            return runs.stream().mapToLong(OrtProfile.Run::durationMicros).sum() / (double) totalEvalMicros();
        }

        /** The share spent in ORT's kernels. */
        public double kernelShare() {
            return runs.stream().mapToLong(OrtProfile.Run::kernelMicros).sum() / (double) totalEvalMicros();
        }

        public String report() {
            StringBuilder out = new StringBuilder(String.format(
                    "%s: %s %s, latent %dx%d (image %dx%d), batch %d (cond + uncond), intra-op threads %d, graph optimisation %s%n",
                    file.getFileName(), config.family(), config.parameterization(), size / 8, size / 8, size, size, BATCH, threads,
                    optimization));
            out.append(String.format("  load (file opened to every part ready): %.2f s; peak RSS (VmHWM): %.2f GiB%n",
                    loadNanos / 1e9, peakRssBytes / (double) (1L << 30)));
            out.append(String.format("  UNet evaluation: median %.3f s over %d (after %d warm-up); each:", medianSeconds(), evalNanos.size(), warmup));
            evalNanos.forEach(n -> out.append(String.format(" %.3f", n / 1e9)));
            out.append(String.format(" s%n  inside ORT run: %.1f %%, in its kernels: %.1f %%; Java around run: %.1f %%%n",
                    100 * runShare(), 100 * kernelShare(), 100 * (1 - runShare())));
            Map<String, Long> ops = OrtProfile.byOp(runs);
            long kernels = ops.values().stream().mapToLong(Long::longValue).sum();
            out.append("  kernel time by operator:");
            ops.entrySet().stream().limit(8).forEach(e -> out.append(String.format(" %s %.1f %%,", e.getKey(), 100.0 * e.getValue() / kernels)));
            out.setLength(out.length() - 1);
            return out.append(System.lineSeparator()).toString();
        }
    }

    private CheckpointRun() {
    }

    /**
     * {@code --file F --threads N [--size 512] [--warmup 1] [--reps 5] [--tokenizer DIR] [--optimization LEVEL]}
     * (the loader's own level unless given); prints {@link Result#report}.
     */
    public static void main(String[] args) throws Exception {
        System.out.print(run(Options.parse(args, 0)).report());
        System.exit(0);
    }

    public static Result run(Options options) throws IOException {
        Path file = Path.of(options.find("file").orElseThrow(() -> new IllegalArgumentException("--file FILE.safetensors is required")));
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "checkpoint not found");
        int threads = options.integer("threads", 1);
        int size = options.integer("size", 512);
        int warmup = options.integer("warmup", 1);
        int reps = options.integer("reps", 5);
        if (size % 8 != 0 || reps < 1 || warmup < 0) throw new IllegalArgumentException("--size must be a multiple of 8, --reps at least 1");
        List<Path> tokenizers = options.find("tokenizer").map(Path::of).map(List::of).orElse(List.of());
        Path profiles = TempFolders.create("easel-bench-checkpoint");
        try {
            SessionSettings settings = SingleFileLoader.defaultSettings().withIntraOpThreads(threads).withProfiling(profiles.resolve("ort"));
            Optional<String> level = options.find("optimization");
            if (level.isPresent()) settings = settings.withOptimization(optimization(level.get()));
            SingleFileFormat format = SingleFileFormat.detecting(new SingleFileLoader(settings, AttentionChunking.defaults()),
                    tokenizers, List.of(file.toAbsolutePath().getParent()));
            long started = System.nanoTime();
            try (LoadedCheckpoint loaded = format.load(file)) {
                long loadNanos = System.nanoTime() - started;
                CheckpointConfig config;
                try (SafetensorsFile f = SafetensorsFile.open(file)) {
                    config = DetectedConfigs.of(f);
                }
                OnnxUnet unet = (OnnxUnet) loaded.checkpoint().model();
                Tensor latent = new GeneratorNoise(0).next(new int[]{BATCH, 4, size / 8, size / 8});
                List<ConditioningEntry> conds = conditioning(config.unet());
                double[] timesteps = new double[BATCH];
                Arrays.fill(timesteps, TIMESTEP);
                int[] shape = null;
                for (int i = 0; i < warmup; i++) shape = unet.apply(latent, timesteps, conds).shape();
                List<Long> evals = new ArrayList<>();
                for (int i = 0; i < reps; i++) {
                    long t = System.nanoTime();
                    shape = unet.apply(latent, timesteps, conds).shape();
                    evals.add(System.nanoTime() - t);
                }
                long peak = ProcessMemory.peakRss();
                Path profile = unet.endProfiling().orElseThrow(() -> new IllegalStateException("ONNX Runtime wrote no profile"));
                List<OrtProfile.Run> runs = OrtProfile.read(profile).last(reps);
                return new Result(file, config, threads, settings.optimization(), size, warmup, loadNanos, peak, List.copyOf(evals), runs, shape);
            }
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception closing) {
            throw new IOException("closing " + file, closing);
        } finally {
            TempFolders.delete(profiles);
        }
    }

    /** {@code --optimization}: ONNX Runtime's graph optimisation level by the name of its {@code OptLevel}, or {@code all}, {@code extended}, {@code basic}, {@code none}. */
    static OptLevel optimization(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "all", "all_opt" -> OptLevel.ALL_OPT;
            case "extended", "extended_opt" -> OptLevel.EXTENDED_OPT;
            case "basic", "basic_opt" -> OptLevel.BASIC_OPT;
            case "none", "no_opt" -> OptLevel.NO_OPT;
            default -> throw new IllegalArgumentException("--optimization must be all, extended, basic or none, was " + name);
        };
    }

    /** Seeded text states of the UNet's context width; SDXL's pooled embedding too, of the width its ADM input leaves. */
    private static List<ConditioningEntry> conditioning(UnetConfig unet) {
        GeneratorNoise noise = new GeneratorNoise(1);
        List<ConditioningEntry> conds = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            Optional<Tensor> pooled = unet.admInChannels() > 0
                    ? Optional.of(noise.next(new int[]{1, unet.admInChannels() - SDXL_SIZE_EMBEDDING})) : Optional.empty();
            conds.add(ConditioningEntry.of(noise.next(new int[]{1, TOKENS, unet.contextDim()}), pooled));
        }
        return conds;
    }
}
