package dev.easel.bench.progress;

import dev.easel.bench.Options;
import dev.easel.bench.client.Messages;
import dev.easel.bench.client.PromptPoster;
import dev.easel.bench.nodes.ProgressStamps;
import dev.easel.bench.report.Samples;
import dev.easel.bench.server.InProcessServer;
import dev.easel.engine.cache.CachePolicy;
import dev.easel.testkit.WsClient;

import java.net.http.HttpClient;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Latency from a node's {@code progress} call to the client holding the {@code progress}
 * message: the {@code BenchProgressProbe} node stamps each call, the socket client in the same
 * JVM stamps each message, both with {@link System#nanoTime()}. The server is otherwise idle.
 */
public final class ProgressLatency {

    /** @param missing ticks whose message never arrived (dropped or late) */
    public record Result(int steps, int intervalMicros, int warmupSteps, Samples latency, int missing) {
        public String report() {
            return String.format("steps %d, interval %d us, warm-up steps %d, missing %d%n"
                    + "progress() -> client message: %s%n", steps, intervalMicros, warmupSteps, missing, latency.summaryMillis());
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.print(run(Options.parse(args, 0)).report());
    }

    public static Result run(Options options) throws Exception {
        int steps = options.integer("steps", 5000);
        int interval = options.integer("interval-us", 1000);
        int warmup = options.integer("warmup-steps", 3000);
        int timeout = options.integer("timeout-s", 120);
        try (InProcessServer server = InProcessServer.start(CachePolicy.none())) {
            HttpClient http = PromptPoster.httpClient();
            String clientId = UUID.randomUUID().toString().replace("-", "");
            AtomicReference<Probe> current = new AtomicReference<>();
            CountDownLatch greeted = new CountDownLatch(1);
            try (WsClient ignored = WsClient.connect(http, server.uri(), clientId, (message, at) -> {
                if (Messages.data(message, "status").filter(d -> d.has("sid")).isPresent()) greeted.countDown();
                Probe probe = current.get();
                if (probe != null) probe.onMessage(message, at);
            })) {
                if (!greeted.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("no greeting");
                PromptPoster poster = new PromptPoster(http, server.uri(), clientId);
                if (warmup > 0) runProbe(poster, server.stamps(), current, warmup, interval, timeout);
                Probe measured = runProbe(poster, server.stamps(), current, steps, interval, timeout);
                long[] latencies = measured.latencies(server.stamps());
                return new Result(steps, interval, warmup, new Samples(latencies), steps - latencies.length);
            }
        }
    }

    private static Probe runProbe(PromptPoster poster, ProgressStamps stamps, AtomicReference<Probe> current,
                                  int steps, int interval, int timeout) throws Exception {
        String promptId = UUID.randomUUID().toString();
        Probe probe = new Probe(promptId, steps);
        stamps.arm(steps);
        current.set(probe);
        String prompt = "{\"1\":{\"class_type\":\"BenchProgressProbe\",\"inputs\":{\"steps\":" + steps
                + ",\"interval_us\":" + interval + ",\"seed\":0}}}";
        int status = poster.post(promptId, prompt).get(30, TimeUnit.SECONDS).statusCode();
        if (status != 200) throw new IllegalStateException("POST /prompt answered " + status);
        if (!probe.finished.await(timeout, TimeUnit.SECONDS)) throw new IllegalStateException("the probe prompt did not finish");
        current.set(null);
        return probe;
    }

    /** One probe prompt's received ticks. */
    private static final class Probe {
        private final String promptId;
        private final long[] received;
        private final CountDownLatch finished = new CountDownLatch(1);

        Probe(String promptId, int steps) {
            this.promptId = promptId;
            this.received = new long[steps];
        }

        void onMessage(String message, long at) {
            Messages.data(message, "progress").filter(d -> promptId.equals(d.path("prompt_id").asText())).ifPresent(d -> {
                int step = d.path("value").asInt(-1);
                if (step >= 0 && step < received.length && received[step] == 0) received[step] = at;
            });
            Messages.finishedPrompt(message).filter(promptId::equals).ifPresent(id -> finished.countDown());
        }

        long[] latencies(ProgressStamps stamps) {
            return java.util.stream.IntStream.range(0, received.length)
                    .filter(i -> received[i] != 0 && stamps.stampOf(i) != 0)
                    .mapToLong(i -> received[i] - stamps.stampOf(i))
                    .toArray();
        }
    }
}
