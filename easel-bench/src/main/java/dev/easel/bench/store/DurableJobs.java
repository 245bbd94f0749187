package dev.easel.bench.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.bench.Options;
import dev.easel.bench.engine.ChainPrompt;
import dev.easel.bench.nodes.BenchNodes;
import dev.easel.bench.nodes.ProgressStamps;
import dev.easel.bench.report.Samples;
import dev.easel.engine.cache.CachePolicy;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.server.EaselServer;
import dev.easel.server.ServerConfig;
import dev.easel.server.store.Claim;
import dev.easel.server.store.HistoryEntry;
import dev.easel.server.store.JobStoreSettings;
import dev.easel.server.store.QueueItem;
import dev.easel.server.store.SqliteJobStore;
import dev.easel.server.wire.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The durable job store through a real server: accepted prompts per second from one client,
 * jobs-API and history latency over a full history, and the time to start again over a store
 * holding pending jobs. The store is filled through its own interface, as the worker fills it.
 */
public final class DurableJobs {
    private static final Duration LEASE = Duration.ofMinutes(1);

    private DurableJobs() {
    }

    public static String run(Options options) throws Exception {
        int history = options.integer("history", 10_000);
        int requests = options.integer("requests", 2_000);
        int prompts = options.integer("prompts", 2_000);
        int pending = options.integer("pending", 1_000);
        long deadline = System.nanoTime() + Duration.ofSeconds(options.integer("timeout-s", 600)).toNanos();
        Path base = Files.createTempDirectory("easel-bench-jobs");
        Path file = base.resolve("user").resolve(SqliteJobStore.FILE_NAME);
        StringBuilder report = new StringBuilder();

        long fillStart = System.nanoTime();
        try (SqliteJobStore store = SqliteJobStore.open(file, history)) {
            for (int i = 0; i < history; i++) {
                store.enqueue(item(i));
                Claim claim = store.claim("bench", LEASE, Duration.ZERO).orElseThrow();
                store.finish(claim, finished(claim.item(), i));
            }
        }
        line(report, String.format("filled %d history entries in %.1f s (enqueue + claim + finish each, %.0f jobs/s)%n",
                history, secs(fillStart), history / secs(fillStart)));

        ProgressStamps stamps = new ProgressStamps();
        ServerConfig config = ServerConfig.defaults(base).withPort(0).withCache(CachePolicy.none());
        NodeRegistry registry = BenchNodes.registry(PackEnvironment.under(base), stamps);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (EaselServer server = EaselServer.start(config, registry)) {
            URI uri = URI.create("http://127.0.0.1:" + server.port());
            for (String path : List.of("/api/jobs?limit=50", "/api/jobs?limit=50&offset=5000",
                    "/api/jobs?limit=50&sort_by=execution_duration", "/api/jobs?status=failed&limit=50",
                    "/api/jobs?workflow_id=wf-7&limit=50", "/history?max_items=50")) {
                line(report, String.format("GET %-48s %s%n", path, latency(http, uri.resolve(path), requests).summaryMillis()));
            }
            line(report, posts(http, uri, prompts, "durable store"));
            awaitEmptyQueue(http, uri, deadline);
        }
        try (EaselServer memory = EaselServer.start(config.withJobStore(new JobStoreSettings(JobStoreSettings.Kind.MEMORY, history))
                .withPort(0), registry)) {
            URI uri = URI.create("http://127.0.0.1:" + memory.port());
            line(report, posts(http, uri, prompts, "in-memory store, for comparison"));
            awaitEmptyQueue(http, uri, deadline);
        }

        try (SqliteJobStore store = SqliteJobStore.open(file, history)) {
            for (int i = 0; i < pending; i++) store.enqueue(item(history + i));
        }
        long restart = System.nanoTime();
        try (EaselServer server = EaselServer.start(config, registry)) {
            double ready = secs(restart);
            URI uri = URI.create("http://127.0.0.1:" + server.port());
            int firstLeft = -1;
            double first = 0;
            while (true) {
                int left = remaining(http, uri);
                if (firstLeft < 0 && left < pending) {
                    firstLeft = left;
                    first = secs(restart);
                }
                if (left == 0) break;
                if (System.nanoTime() > deadline) throw new IllegalStateException("the restarted queue did not drain in time");
                Thread.sleep(5);
            }
            line(report, String.format("restart over %d pending jobs (and %d in history): serving after %.3f s, first job done "
                    + "after %.3f s, all done after %.2f s%n", pending, history, ready, first, secs(restart)));
        }
        try (var files = Files.walk(base)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        return report.toString();
    }

    /** Posts {@code prompts} two-node chains one after another and reports the rate. */
    private static String posts(HttpClient http, URI uri, int prompts, String store) throws Exception {
        String prompt = Json.write(ChainPrompt.json(2));
        long postStart = System.nanoTime();
        for (int i = 0; i < prompts; i++) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri.resolve("/prompt"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":" + prompt + "}")).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) throw new IllegalStateException("rejected: " + answer.body());
        }
        return String.format("POST /prompt, one client, one at a time, %s: %d accepted in %.2f s = %.0f prompts/s%n",
                store, prompts, secs(postStart), prompts / secs(postStart));
    }

    private static int remaining(HttpClient http, URI uri) throws Exception {
        String body = http.send(HttpRequest.newBuilder(uri.resolve("/prompt")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return Json.parse(body).path("exec_info").path("queue_remaining").asInt();
    }

    private static void awaitEmptyQueue(HttpClient http, URI uri, long deadline) throws Exception {
        while (remaining(http, uri) > 0) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the queue did not drain in time");
            Thread.sleep(20);
        }
    }

    private static Samples latency(HttpClient http, URI uri, int requests) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).build();
        for (int i = 0; i < requests / 4; i++) http.send(request, HttpResponse.BodyHandlers.ofString());
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - start;
            if (answer.statusCode() != 200) throw new IllegalStateException(uri + ": " + answer.statusCode());
        }
        return new Samples(nanos);
    }

    /** A chain prompt with a UI workflow of about 6 KB in extra_pnginfo, as the front end sends it. */
    private static QueueItem item(int index) {
        ObjectNode extra = Json.object().put("client_id", "bench").put("create_time", 1_760_000_000_000L + index);
        ObjectNode workflow = extra.putObject("extra_pnginfo").putObject("workflow").put("id", "wf-" + index % 10);
        ArrayNode nodes = workflow.putArray("nodes");
        for (int n = 0; n < 20; n++) {
            nodes.addObject().put("id", n).put("type", "BenchChainLink").put("title", "a node of the UI workflow " + n)
                    .putArray("pos").add(100 * n).add(200);
        }
        return new QueueItem(IntNode.valueOf(index), UUID.randomUUID().toString(), ChainPrompt.json(2), extra,
                List.of("2"), Map.of(), "default");
    }

    /** One saved image; every tenth job failed. */
    private static HistoryEntry finished(QueueItem item, int index) {
        long start = 1_760_000_000_000L + index;
        boolean failed = index % 10 == 3;
        ObjectNode outputs = Json.object();
        outputs.putObject("2").putArray("images").addObject().put("filename", "Easel_" + index + "_.png")
                .put("subfolder", "").put("type", "output");
        ArrayNode startMessage = Json.array().add("execution_start");
        startMessage.addObject().put("prompt_id", item.promptId()).put("timestamp", start);
        ArrayNode end = Json.array().add(failed ? "execution_error" : "execution_success");
        end.addObject().put("prompt_id", item.promptId()).put("timestamp", start + index % 997);
        return new HistoryEntry(item, outputs, failed ? "error" : "success", !failed, List.of(startMessage, end), Json.object());
    }

    /** Printed as it is measured, so a long run shows its progress. */
    private static void line(StringBuilder report, String text) {
        System.err.print(text);
        report.append(text);
    }

    private static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
