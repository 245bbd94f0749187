package dev.easel.bench.frames;

import dev.easel.bench.Options;
import dev.easel.bench.client.Messages;
import dev.easel.bench.client.PromptPoster;
import dev.easel.bench.report.CpuClock;
import dev.easel.bench.server.InProcessServer;
import dev.easel.engine.cache.CachePolicy;
import dev.easel.testkit.WsClient;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Throughput of {@code SaveImageWebsocket}'s PNG frames: {@code BenchImages} (a batch of
 * synthetic images) → {@code SaveImageWebsocket}, classic caching so that after the warm-up
 * run the images come from the cache and each run measures encoding and sending only.
 */
public final class ImageFrames {

    public record Result(int width, int height, int batch, String pattern, List<Run> runs) {
        /** @param promptThreadCpuNanos CPU time of the server's prompt thread during the run (encoding, mostly) */
        public record Run(int frames, int malformed, long bytes, double mbPerSecondFirstToLast,
                          double framesPerSecondFirstToLast, double mbPerSecondFromPost, double secondsFromPost,
                          long promptThreadCpuNanos) {
        }

        public String report() {
            StringBuilder out = new StringBuilder(String.format("%d images of %dx%d, pattern %s, %d measured runs%n",
                    batch, width, height, pattern, runs.size()));
            for (Run r : runs) {
                out.append(String.format("frames %d (malformed %d), %.2f MB, first->last %.1f MB/s %.2f frames/s, "
                                + "POST->last %.3f s %.1f MB/s, prompt thread CPU %.1f ms/frame%n", r.frames(), r.malformed(), r.bytes() / 1e6,
                        r.mbPerSecondFirstToLast(), r.framesPerSecondFirstToLast(), r.secondsFromPost(), r.mbPerSecondFromPost(),
                        r.frames() == 0 ? 0 : r.promptThreadCpuNanos() / 1e6 / r.frames()));
            }
            out.append(String.format("median: first->last %.1f MB/s, %.2f frames/s; POST->last %.1f MB/s (MB = 10^6 bytes)%n",
                    median(runs.stream().mapToDouble(Run::mbPerSecondFirstToLast).toArray()),
                    median(runs.stream().mapToDouble(Run::framesPerSecondFirstToLast).toArray()),
                    median(runs.stream().mapToDouble(Run::mbPerSecondFromPost).toArray())));
            return out.toString();
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.print(run(Options.parse(args, 0)).report());
    }

    public static Result run(Options options) throws Exception {
        int width = options.integer("width", 1024), height = options.integer("height", 1024);
        int batch = options.integer("batch", 8), runs = options.integer("runs", 5);
        String pattern = options.text("pattern", "gradient");
        int timeout = options.integer("timeout-s", 120);
        String prompt = "{\"1\":{\"class_type\":\"BenchImages\",\"inputs\":{\"width\":" + width + ",\"height\":" + height
                + ",\"batch_size\":" + batch + ",\"pattern\":\"" + pattern + "\",\"seed\":1}},"
                + "\"2\":{\"class_type\":\"SaveImageWebsocket\",\"inputs\":{\"images\":[\"1\",0]}}}";
        try (InProcessServer server = InProcessServer.start(CachePolicy.classic())) {
            HttpClient http = PromptPoster.httpClient();
            String clientId = UUID.randomUUID().toString().replace("-", "");
            AtomicReference<FrameRun> current = new AtomicReference<>();
            CountDownLatch greeted = new CountDownLatch(1);
            WsClient.Handler handler = new WsClient.Handler() {
                @Override
                public void onText(String message, long at) {
                    if (Messages.data(message, "status").filter(d -> d.has("sid")).isPresent()) greeted.countDown();
                    FrameRun run = current.get();
                    if (run != null) Messages.finishedPrompt(message).filter(run.promptId::equals).ifPresent(id -> run.finished.countDown());
                }

                @Override
                public void onBinary(byte[] frame, long at) {
                    FrameRun run = current.get();
                    if (run != null) run.onFrame(frame, at);
                }
            };
            try (WsClient ignored = WsClient.connect(http, server.uri(), clientId, handler)) {
                if (!greeted.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("no greeting");
                PromptPoster poster = new PromptPoster(http, server.uri(), clientId);
                once(poster, current, prompt, timeout);
                List<Result.Run> measured = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    CpuClock before = CpuClock.now();
                    FrameRun run = once(poster, current, prompt, timeout);
                    long promptThread = CpuClock.now().since(before).get(CpuClock.PROMPT_THREAD);
                    measured.add(new Result.Run(run.frameCount(), run.malformed(), run.totalBytes(), run.megabytesPerSecondFirstToLast(),
                            run.framesPerSecondFirstToLast(), run.megabytesPerSecondFromPost(), run.secondsFromPost(), promptThread));
                }
                return new Result(width, height, batch, pattern, measured);
            }
        }
    }

    private static FrameRun once(PromptPoster poster, AtomicReference<FrameRun> current, String prompt, int timeout) throws Exception {
        String promptId = UUID.randomUUID().toString();
        FrameRun run = new FrameRun(promptId, System.nanoTime());
        current.set(run);
        int status = poster.post(promptId, prompt).get(30, TimeUnit.SECONDS).statusCode();
        if (status != 200) throw new IllegalStateException("POST /prompt answered " + status);
        if (!run.finished.await(timeout, TimeUnit.SECONDS)) throw new IllegalStateException("the prompt did not finish");
        current.set(null);
        return run;
    }

    static double median(double[] values) {
        if (values.length == 0) return 0;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
