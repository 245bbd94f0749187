package dev.easel.bench.generation;

import dev.easel.bench.Options;
import dev.easel.bench.report.CpuClock;
import dev.easel.bench.report.Samples;
import dev.easel.bench.server.InProcessServer;
import dev.easel.engine.cache.CachePolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * Latency from the end of a sampling step to the client holding that step's preview frame, on
 * the default workflow with the demo model, the client asking for previews in
 * {@code extra_data.preview_method}. {@code BenchStampedModel} stamps the return of each model
 * call (euler: one per step); the client stamps each type-1 JPEG frame and gives it to the step
 * of the {@code progress} message just before it (a type-1 preview follows its progress). Steps
 * the preview encoder skipped, or whose frame a busy socket dropped, have no frame and are
 * counted, not timed. Both stamps are {@link System#nanoTime()} in this JVM. Classic caching,
 * a new seed per prompt, so each prompt samples, decodes and saves anew.
 */
public final class PreviewLatency {

    /**
     * @param stepGaps time between consecutive model-call stamps (the sampling step rate)
     * @param cpuNanos the process's CPU time over the measured prompts (server, client, ONNX Runtime)
     */
    public record Result(int prompts, int warmup, int steps, int width, int height, String previewMethod, int previewSize,
                         int frames, int malformed, long frameBytes, Samples latency, Samples stepGaps, long cpuNanos) {
        public int stepsWithoutFrame() {
            return prompts * steps - frames;
        }

        public String report() {
            return String.format("prompts %d (after %d warm-up), %d steps each, %dx%d, preview_method %s, preview size %d%n"
                            + "frames %d (%.1f KB each), steps without a frame %d, malformed %d; process CPU %.1f ms per step%n"
                            + "sampling step (model call to model call): %s%n"
                            + "step end -> client holds its preview: %s%n",
                    prompts, warmup, steps, width, height, previewMethod, previewSize, frames,
                    frames == 0 ? 0.0 : frameBytes / 1000.0 / frames, stepsWithoutFrame(), malformed,
                    cpuNanos / 1e6 / (prompts * steps),
                    stepGaps.summaryMillis(), frames == 0 ? "no frames" : latency.summaryMillis());
        }
    }

    private PreviewLatency() {
    }

    public static Result run(Options options) throws Exception {
        int prompts = options.integer("prompts", 10);
        int warmup = options.integer("warmup", 2);
        int steps = options.integer("steps", 20);
        int width = options.integer("width", 512), height = options.integer("height", 512);
        String method = options.text("preview-method", "latent2rgb");
        int previewSize = options.integer("preview-size", 512);
        int timeout = options.integer("timeout-s", 120);
        String extraData = "{\"preview_method\":\"" + method + "\"}";
        try (InProcessServer server = InProcessServer.startWithDemoModel(CachePolicy.classic(), previewSize);
             PromptWatch watch = PromptWatch.connect(server.uri())) {
            Tally tally = new Tally();
            long cpu = 0;
            for (int p = 0; p < warmup + prompts; p++) {
                if (p == warmup) cpu = CpuClock.processNanos();
                DefaultWorkflow workflow = DefaultWorkflow.load().withSeed(p).withSteps(steps).withSize(width, height)
                        .withStampedModel();
                server.modelCalls().arm();
                PromptWatch.Run run = watch.run(workflow.json(), extraData, timeout);
                long[] stepEnds = server.modelCalls().stamps();
                if (stepEnds.length != steps) {
                    throw new IllegalStateException("expected one model call per step, got " + stepEnds.length
                            + " calls for " + steps + " steps");
                }
                if (p >= warmup) tally.add(run, workflow.nodeIdOf("KSampler"), stepEnds);
            }
            return new Result(prompts, warmup, steps, width, height, method, previewSize, tally.frames, tally.malformed, tally.bytes,
                    Samples.of(tally.latencies), Samples.of(tally.gaps),
                    CpuClock.processNanos() - cpu);
        }
    }

    /** The measured prompts' frames and step stamps. */
    private static final class Tally {
        final List<Long> latencies = new ArrayList<>(), gaps = new ArrayList<>();
        int frames, malformed;
        long bytes;

        /** Each JPEG frame is timed against the end of the step whose {@code progress} came just before it. */
        void add(PromptWatch.Run run, String sampler, long[] stepEnds) {
            for (int i = 1; i < stepEnds.length; i++) gaps.add(stepEnds[i] - stepEnds[i - 1]);
            int lastStep = -1;
            for (PromptWatch.Arrival arrival : run.arrivals()) {
                if (arrival instanceof PromptWatch.Event e) {
                    if (e.type().equals("progress") && sampler.equals(e.data().path("node").asText())) {
                        lastStep = e.data().path("value").asInt() - 1;
                    }
                } else if (arrival instanceof PromptWatch.Frame frame && frame.isJpegPreview() && lastStep >= 0) {
                    frames++;
                    bytes += frame.bytes().length - 8;
                    latencies.add(frame.at() - stepEnds[lastStep]);
                } else {
                    malformed++;
                }
            }
        }
    }
}
