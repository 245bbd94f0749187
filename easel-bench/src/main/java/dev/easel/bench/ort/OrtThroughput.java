package dev.easel.bench.ort;

import dev.easel.bench.Options;
import dev.easel.bench.report.CpuClock;
import dev.easel.bench.report.TempFolders;
import dev.easel.diffusion.noise.GeneratorNoise;
import dev.easel.models.demo.DemoModel;
import dev.easel.models.onnx.ElementType;
import dev.easel.models.onnx.Feed;
import dev.easel.models.onnx.OnnxSession;
import dev.easel.models.onnx.SessionSettings;
import dev.easel.models.onnx.TensorSpec;
import dev.easel.models.toy.ToyUnet;
import dev.easel.tensor.Tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ONNX Runtime throughput through {@link OnnxSession}: UNet evaluations of a 64×64 latent with
 * batch {@value #BATCH} (cond + uncond, as guidance batches them), at each of the given intra-op
 * thread counts. {@code toy} is the test suite's SD1.5-shaped {@link ToyUnet} (a few element-wise
 * operations, so it shows the cost of a call itself: feeding, running, reading back);
 * {@code demo} is the demo model's UNet. Each session is opened, warmed up, then timed in rounds.
 */
public final class OrtThroughput {
    public static final int BATCH = 2;
    /** CLIP's 77 tokens. */
    static final int TOKENS = 77;

    /**
     * One model at one thread count: each round's wall and process CPU nanoseconds for
     * {@code evaluations} calls. CPU time includes ONNX Runtime's own (native) pool threads,
     * spinning included.
     */
    public record Series(String model, int threads, int evaluations, List<Long> roundNanos, List<Long> roundCpuNanos,
                         int[] outputShape) {
        double evalsPerSecond(long nanos) {
            return evaluations * 1e9 / nanos;
        }

        long medianNanos() {
            List<Long> sorted = roundNanos.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }
    }

    public record Result(int size, int warmup, List<Series> series) {
        public String report() {
            StringBuilder out = new StringBuilder(String.format(
                    "UNet evaluations, latent %dx%d, batch %d, %d warm-up evaluations per session%n", size, size, BATCH, warmup));
            for (Series s : series) {
                out.append(String.format("%-5s intra-op threads %d: median %.1f evaluations/s, %.3f ms/eval; rounds:",
                        s.model(), s.threads(), s.evalsPerSecond(s.medianNanos()), s.medianNanos() / 1e6 / s.evaluations()));
                for (long nanos : s.roundNanos()) out.append(String.format(" %.3f", nanos / 1e6 / s.evaluations()));
                out.append(" ms/eval; CPU:");
                for (long nanos : s.roundCpuNanos()) out.append(String.format(" %.3f", nanos / 1e6 / s.evaluations()));
                out.append(" ms/eval").append(System.lineSeparator());
            }
            return out.toString();
        }
    }

    private OrtThroughput() {
    }

    public static Result run(Options options) throws IOException {
        int evaluations = options.integer("evals", 200);
        int warmup = options.integer("warmup", 50);
        int rounds = options.integer("rounds", 5);
        int size = options.integer("size", 64);
        List<Integer> threads = Arrays.stream(options.text("threads", "1,2").split(",")).map(Integer::parseInt).toList();
        List<String> models = List.of(options.text("models", "toy,demo").split(","));
        Path dir = TempFolders.create("easel-bench-ort");
        try {
            List<Series> series = new ArrayList<>();
            for (String model : models) {
                for (int t : threads) {
                    try (OnnxSession session = open(model, dir, SessionSettings.defaults().withIntraOpThreads(t))) {
                        series.add(measure(model, t, session, size, warmup, evaluations, rounds));
                    }
                }
            }
            return new Result(size, warmup, series);
        } finally {
            TempFolders.delete(dir);
        }
    }

    private static OnnxSession open(String model, Path dir, SessionSettings settings) throws IOException {
        return switch (model) {
            case "toy" -> OnnxSession.open(ToyUnet.sd(ElementType.FLOAT, 768).build(), "toy unet", settings);
            case "demo" -> {
                Path unet = dir.resolve(DemoModel.NAME).resolve("unet").resolve("model.onnx");
                if (!Files.exists(unet)) DemoModel.writeTo(dir.resolve(DemoModel.NAME));
                yield OnnxSession.open(unet, settings);
            }
            default -> throw new IllegalArgumentException("unknown model " + model + " (toy or demo)");
        };
    }

    private static Series measure(String model, int threads, OnnxSession session, int size,
                                  int warmup, int evaluations, int rounds) {
        Map<String, Feed> feeds = feeds(session, size);
        String output = session.outputs().keySet().iterator().next();
        int[] shape = null;
        for (int i = 0; i < warmup; i++) shape = session.run(feeds, List.of(output)).get(output).shape();
        List<Long> times = new ArrayList<>(), cpu = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            long started = System.nanoTime(), startedCpu = CpuClock.processNanos();
            for (int i = 0; i < evaluations; i++) shape = session.run(feeds, List.of(output)).get(output).shape();
            times.add(System.nanoTime() - started);
            cpu.add(CpuClock.processNanos() - startedCpu);
        }
        return new Series(model, threads, evaluations, times, cpu, shape);
    }

    /** A seeded noisy latent, a mid-schedule timestep and seeded text states of the width the UNet declares. */
    private static Map<String, Feed> feeds(OnnxSession session, int size) {
        GeneratorNoise noise = new GeneratorNoise(0);
        Map<String, Feed> feeds = new LinkedHashMap<>();
        for (TensorSpec input : session.inputs().values()) {
            Feed feed = switch (input.name()) {
                case "sample" -> new Feed.Floats(noise.next(new int[]{BATCH, 4, size, size}));
                case "timestep" -> new Feed.Floats(input.rank() == 0 ? Tensor.of(new float[]{500f}) : Tensor.full(500f, BATCH));
                case "encoder_hidden_states" -> new Feed.Floats(noise.next(new int[]{BATCH, TOKENS, (int) input.shape()[2]}));
                default -> throw new IllegalArgumentException(session.label() + " has an input the benchmark cannot feed: " + input);
            };
            feeds.put(input.name(), feed);
        }
        return feeds;
    }
}
