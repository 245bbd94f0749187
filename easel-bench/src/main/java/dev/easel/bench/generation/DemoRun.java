package dev.easel.bench.generation;

import dev.easel.bench.Options;
import dev.easel.bench.report.CpuClock;
import dev.easel.bench.report.Samples;
import dev.easel.bench.server.InProcessServer;
import dev.easel.engine.cache.CachePolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo model end to end: ComfyUI's default workflow ({@code examples/default-text-to-image.json})
 * posted {@code --runs} times to a server with classic caching, each time with the next seed, as
 * a user pressing "Queue" again would. The first run loads the checkpoint and encodes the text; the
 * later ones sample, decode and save. Wall time runs from just before the POST to the arrival of
 * {@code executing} for node null; each node's time is from its {@code executing} message to the
 * next one (or to the end), as a client sees it.
 */
public final class DemoRun {
    /** The server's default {@code --preview-size}. */
    static final int PREVIEW_SIZE = 512;

    /**
     * One run: its wall time and the process's CPU time over it (server and client), each
     * executed node's time in order, the nodes served from the cache.
     */
    public record Run(long seed, long wallNanos, long cpuNanos, Map<String, Long> nodeNanos, List<String> cached,
                      int progress, int previews, int images) {
    }

    public record Result(int steps, int width, int height, String previewMethod, long demoWriteNanos,
                         Map<String, String> classTypes, List<Run> runs) {
        public String report() {
            StringBuilder out = new StringBuilder(String.format(
                    "default workflow, %dx%d, %d steps, preview_method %s; demo model written in %.0f ms%n",
                    width, height, steps, previewMethod, Samples.ms(demoWriteNanos)));
            for (int i = 0; i < runs.size(); i++) {
                Run run = runs.get(i);
                out.append(String.format("run %d (seed %d): %.3f s POST -> executing null (process CPU %.3f s); progress %d, previews %d, images %d%n",
                        i + 1, run.seed(), run.wallNanos() / 1e9, run.cpuNanos() / 1e9, run.progress(), run.previews(), run.images()));
                out.append("  ");
                run.nodeNanos().forEach((id, nanos) -> out.append(String.format("%s %s %.1f ms; ",
                        id, classTypes.get(id), Samples.ms(nanos))));
                out.append(run.cached().isEmpty() ? "nothing cached" : "cached: " + String.join(", ", run.cached()));
                out.append(System.lineSeparator());
            }
            return out.toString();
        }
    }

    private DemoRun() {
    }

    public static Result run(Options options) throws Exception {
        int runs = options.integer("runs", 5);
        int steps = options.integer("steps", 20);
        int width = options.integer("width", 512), height = options.integer("height", 512);
        String method = options.text("preview-method", "latent2rgb");
        int timeout = options.integer("timeout-s", 120);
        try (InProcessServer server = InProcessServer.startWithDemoModel(CachePolicy.classic(), PREVIEW_SIZE);
             PromptWatch watch = PromptWatch.connect(server.uri())) {
            DefaultWorkflow shape = DefaultWorkflow.load();
            long seed = shape.seed();
            List<Run> done = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                String prompt = DefaultWorkflow.load().withSeed(seed + r).withSteps(steps).withSize(width, height).json();
                long cpu = CpuClock.processNanos();
                PromptWatch.Run run = watch.run(prompt, "{\"preview_method\":\"" + method + "\"}", timeout);
                done.add(summarise(seed + r, run, CpuClock.processNanos() - cpu));
            }
            return new Result(steps, width, height, method, server.demoWriteNanos(), shape.classTypes(), done);
        }
    }

    private static Run summarise(long seed, PromptWatch.Run run, long cpuNanos) {
        Map<String, Long> nodes = new LinkedHashMap<>();
        String node = null;
        long since = 0;
        for (PromptWatch.Event e : run.events("executing")) {
            if (node != null) nodes.put(node, e.at() - since);
            node = e.data().get("node").isNull() ? null : e.data().get("node").asText();
            since = e.at();
        }
        List<String> cached = new ArrayList<>();
        run.events("execution_cached").forEach(e -> e.data().path("nodes").forEach(n -> cached.add(n.asText())));
        int images = 0;
        for (PromptWatch.Event e : run.events("executed")) images += e.data().path("output").path("images").size();
        int previews = (int) run.frames().stream().filter(PromptWatch.Frame::isJpegPreview).count();
        return new Run(seed, run.finished() - run.posted, cpuNanos, nodes, cached, run.events("progress").size(), previews, images);
    }
}
