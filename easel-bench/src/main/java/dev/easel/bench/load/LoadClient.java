package dev.easel.bench.load;

import dev.easel.bench.Options;
import dev.easel.bench.client.Messages;
import dev.easel.bench.client.PromptPoster;
import dev.easel.bench.engine.ChainPrompt;
import dev.easel.bench.report.CpuClock;
import dev.easel.bench.report.Samples;
import dev.easel.bench.server.InProcessServer;
import dev.easel.engine.cache.CachePolicy;
import dev.easel.testkit.WsClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * End-to-end prompts per second: one socket with a client id, prompts posted with at most
 * {@code in-flight} outstanding, each finished by its {@code executing {node: null}}.
 * Starts a server in this JVM with caching off unless {@code --url} names one.
 */
public final class LoadClient {
    /** {@code EmptyImage 64×64 → PreviewImage}, the smallest prompt that encodes and writes a PNG. */
    public static final String PROMPT = """
            {"1":{"class_type":"EmptyImage","inputs":{"width":64,"height":64,"batch_size":1,"color":0}},\
            "2":{"class_type":"PreviewImage","inputs":{"images":["1",0]}}}""";

    private final String workflow;
    private final String prompt;
    private volatile RoundTracker current;

    private LoadClient(String workflow) {
        this.workflow = workflow;
        this.prompt = workflow(workflow);
    }

    /**
     * The workflow to post: {@code preview} (the default, {@link #PROMPT}) or {@code chain:N},
     * N trivial benchmark nodes that touch neither images nor disk (an in-process server only),
     * to tell the server's own per-prompt cost from the nodes'.
     */
    static String workflow(String name) {
        if (name.equals("preview")) return PROMPT;
        if (name.startsWith("chain:")) return ChainPrompt.json(Integer.parseInt(name.substring(6))).toString();
        throw new IllegalArgumentException("unknown workflow " + name + " (preview or chain:N)");
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, 0);
        System.out.print(run(options).report());
    }

    public static LoadResult run(Options options) throws Exception {
        int prompts = options.integer("prompts", 2000);
        int inFlight = options.integer("in-flight", 16);
        int warmup = options.integer("warmup", 2000);
        int rounds = options.integer("rounds", 3);
        long timeoutNanos = TimeUnit.SECONDS.toNanos(options.integer("timeout-s", 120));
        String workflow = options.text("workflow", "preview");
        LoadClient client = new LoadClient(workflow);
        if (options.find("url").isPresent()) {
            return client.measure(URI.create(options.find("url").get()), prompts, inFlight, warmup, rounds, timeoutNanos);
        }
        try (InProcessServer server = InProcessServer.start(CachePolicy.none())) {
            return client.measure(server.uri(), prompts, inFlight, warmup, rounds, timeoutNanos);
        }
    }

    private LoadResult measure(URI base, int prompts, int inFlight, int warmup, int rounds, long timeoutNanos) throws Exception {
        HttpClient http = PromptPoster.httpClient();
        String clientId = UUID.randomUUID().toString().replace("-", "");
        CountDownLatch greeted = new CountDownLatch(1);
        try (WsClient ignored = WsClient.connect(http, base, clientId, (message, at) -> {
            if (Messages.data(message, "status").filter(d -> d.has("sid")).isPresent()) greeted.countDown();
            RoundTracker round = current;
            if (round != null) Messages.finishedPrompt(message).ifPresent(id -> round.finished(id, at));
        })) {
            if (!greeted.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("no greeting from " + base);
            PromptPoster poster = new PromptPoster(http, base, clientId);
            long deadline = System.nanoTime() + timeoutNanos;
            if (warmup > 0) round(poster, warmup, inFlight, deadline);
            List<LoadResult.Round> results = new ArrayList<>();
            List<long[]> latencies = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                RoundTracker tracker = new RoundTracker(prompts, inFlight);
                results.add(round(poster, tracker, prompts, deadline));
                latencies.add(tracker.latencies());
            }
            long[] pooled = latencies.stream().flatMapToLong(LongStream::of).toArray();
            return new LoadResult(workflow, prompts, inFlight, warmup, results, new Samples(pooled));
        }
    }

    private void round(PromptPoster poster, int prompts, int inFlight, long deadline) throws InterruptedException {
        round(poster, new RoundTracker(prompts, inFlight), prompts, deadline);
    }

    private LoadResult.Round round(PromptPoster poster, RoundTracker tracker, int prompts, long deadline) throws InterruptedException {
        current = tracker;
        CpuClock cpuBefore = CpuClock.now();
        long start = System.nanoTime();
        for (int i = 0; i < prompts; i++) {
            if (!tracker.permits().tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) break;
            String promptId = UUID.randomUUID().toString();
            tracker.posted(promptId, System.nanoTime());
            poster.post(promptId, prompt).whenComplete((response, failure) -> {
                if (failure != null || response.statusCode() != 200) tracker.rejected(promptId);
            });
        }
        tracker.done().await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        long end = tracker.completed() > 0 ? tracker.lastFinish() : System.nanoTime();
        current = null;
        return new LoadResult.Round(tracker.completed(), tracker.failed(), end - start, CpuClock.now().since(cpuBefore));
    }
}
