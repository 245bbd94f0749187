package dev.easel.server.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.server.hostile.FuzzCases.FuzzCase;
import dev.easel.server.hostile.FuzzCases.PromptCase;
import dev.easel.server.hostile.FuzzCases.RawCase;
import dev.easel.server.hostile.FuzzCases.SocketCase;
import dev.easel.server.testkit.RawHttp;
import dev.easel.server.testkit.TestNodes;
import dev.easel.testkit.Http;
import dev.easel.testkit.LogCapture;
import dev.easel.testkit.WsRecorder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated hostile input against one real server ({@link FuzzCases}). Every answer must be a
 * 200 or a 4xx in the shape ComfyUI gives it, never a 5xx and never silence; every 50 cases a
 * normal client queues a prompt and must see it finish; at the end the queue drains and no
 * request was logged as an internal error.
 *
 * <p>The normal build runs {@value #SLICE} cases. The soak, recorded in docs/SECURITY.md:
 * {@code mvn -B -o -pl easel-server -am test -Dtest=HostileFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Deasel.fuzz.cases=10000} (optionally {@code -Deasel.fuzz.seed=N}); its report is written to
 * {@code easel-server/target/fuzz-report.txt}.
 */
class HostileFuzzTest extends HostileServerTest {
    static final int SLICE = 300;
    private static final int PROBE_EVERY = 50;

    /** What the answers to the cases were, counted, and the first few that broke a rule. */
    private static final class Tally {
        final Map<String, Integer> byOutcome = new TreeMap<>();
        final List<String> violations = new ArrayList<>();
        int probes;

        void count(String outcome) {
            byOutcome.merge(outcome, 1, Integer::sum);
        }

        void violation(int index, FuzzCase fuzzCase, String what) {
            if (violations.size() < 50) violations.add("case " + index + " (" + fuzzCase.label() + "): " + what);
        }
    }

    @Test
    void generatedHostileInputNeverGetsA5xxAndTheServerKeepsServing() throws Exception {
        int cases = Integer.getInteger("easel.fuzz.cases", SLICE);
        long seed = Long.getLong("easel.fuzz.seed", 20261202L);
        Files.write(fx.config.folders().input().resolve(FuzzCases.UPLOADED), FuzzCases.tinyPng());
        Tally tally = new Tally();
        long heapBefore = heapAfterGc();
        long started = System.nanoTime();
        try (LogCapture log = LogCapture.of("dev.easel.server")) {
            for (int i = 0; i < cases; i++) {
                FuzzCase fuzzCase = FuzzCases.generate(seed, i, fx.port());
                try {
                    run(i, fuzzCase, tally);
                } catch (IOException | RuntimeException e) {
                    tally.violation(i, fuzzCase, "the client failed: " + e);
                }
                if ((i + 1) % PROBE_EVERY == 0) probe(i, tally);
            }
            awaitIdleQueue();
            probe(cases, tally);
            log.lines().stream().filter(l -> l.level().toString().equals("ERROR")
                            && l.logger().equals("dev.easel.server.http.ErrorMapping"))
                    .forEach(l -> tally.violations.add("logged as an internal error: " + FuzzCases.abbreviate(l.text())));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long heapAfter = heapAfterGc();
        String report = report(cases, seed, seconds, heapBefore, heapAfter, tally);
        System.out.println(report);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) Files.writeString(target.resolve("fuzz-report.txt"), report);
        assertThat(tally.violations).as(report).isEmpty();
        assertThat(tally.probes).isEqualTo(cases / PROBE_EVERY + 1);
        // history keeps at most 10,000 small entries; the heap must not grow with the case count beyond that
        assertThat(heapAfter - heapBefore).as(report).isLessThan(512L << 20);
    }

    private void run(int index, FuzzCase fuzzCase, Tally tally) throws Exception {
        switch (fuzzCase) {
            case PromptCase prompt -> {
                Answer answer = Answer.of(RawHttp.exchange(fx.port(), "POST /prompt HTTP/1.1\r\nHost: 127.0.0.1:"
                        + fx.port() + "\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: "
                        + prompt.body().length + "\r\n\r\n", prompt.body(), false, "\u0000never"));
                tally.count("prompt " + answer.status());
                answer.promptShapeProblem().ifPresent(p -> tally.violation(index, fuzzCase, p));
            }
            case RawCase raw -> {
                String text = RawHttp.exchange(fx.port(), "", raw.request(), raw.hangUp(), "\u0000never");
                Answer answer = Answer.of(text);
                tally.count("http " + (answer.status() < 0 ? "closed" : answer.status()));
                if (answer.status() < 0 && raw.complete()) tally.violation(index, fuzzCase, "no answer");
                answer.generalProblem().ifPresent(p -> tally.violation(index, fuzzCase, p));
            }
            case SocketCase socket -> {
                try (WsRecorder ws = WsRecorder.connect(fx.port(), "clientId=fuzz" + index)) {
                    if (!ws.nextText().type().equals("status")) tally.violation(index, fuzzCase, "no status greeting");
                    boolean open = true;
                    for (String frame : socket.frames()) {
                        try {
                            ws.send(frame);
                        } catch (RuntimeException closed) {
                            open = false;
                            break;
                        }
                    }
                    tally.count(open ? "socket frames sent" : "socket closed by the server");
                }
            }
        }
    }

    /** A normal client in the middle of it all: the server answers, and a queued prompt finishes. */
    private void probe(int index, Tally tally) throws Exception {
        Http.Response stats = fx.http.get("/system_stats");
        if (stats.status() != 200) tally.violations.add("probe after case " + index + ": /system_stats " + stats.status());
        try (WsRecorder ws = WsRecorder.connect(fx.port(), "clientId=probe" + index)) {
            if (!ws.nextText().type().equals("status")) tally.violations.add("probe after case " + index + ": no greeting");
            String id = submit(TestNodes.simplePrompt(index % 100), "probe" + index);
            ws.untilPromptEnd(id);
            JsonNode history = awaitHistory(id);
            String status = history.path("status").path("status_str").asText();
            if (!status.equals("success")) tally.violations.add("probe after case " + index + ": run " + status);
            tally.probes++;
        }
    }

    private void awaitIdleQueue() {
        for (int i = 0; i < 6000; i++) {
            JsonNode queue = fx.http.get("/queue").json();
            if (queue.path("queue_running").isEmpty() && queue.path("queue_pending").isEmpty()) return;
            sleep(20);
        }
        throw new AssertionError("the queue never drained: " + fx.http.get("/queue").text());
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        } catch (IOException | RuntimeException unavailable) {
            // not Linux: the report says so
        }
        return -1;
    }

    private static String report(int cases, long seed, double seconds, long heapBefore, long heapAfter, Tally tally) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("hostile fuzz: %d cases, seed %d, %.1f s, %d probes%n", cases, seed, seconds, tally.probes));
        out.append(String.format("heap after GC: %d MB before, %d MB after; resident: %d MB%n", heapBefore >> 20,
                heapAfter >> 20, residentBytes() >> 20));
        tally.byOutcome.forEach((outcome, count) -> out.append(String.format("  %-32s %6d%n", outcome, count)));
        out.append(tally.violations.isEmpty() ? "no violations\n" : "violations:\n  " + String.join("\n  ", tally.violations));
        return out.toString();
    }

    /** An HTTP answer read off the socket: status line, headers and body (chunks joined). */
    private record Answer(int status, String headers, String body) {
        static Answer of(String text) {
            int split = text.indexOf("\r\n\r\n");
            if (split < 0) return new Answer(RawHttp.status(text), text, "");
            String headers = text.substring(0, split);
            String body = text.substring(split + 4);
            if (headers.toLowerCase().contains("transfer-encoding: chunked")) body = unchunk(body);
            return new Answer(RawHttp.status(text), headers, body);
        }

        private static String unchunk(String chunked) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (at < chunked.length()) {
                int eol = chunked.indexOf("\r\n", at);
                if (eol < 0) break;
                int size = Integer.parseInt(chunked.substring(at, eol).split(";")[0].trim(), 16);
                if (size == 0) break;
                out.append(chunked, eol + 2, Math.min(chunked.length(), eol + 2 + size));
                at = eol + 2 + size + 2;
            }
            return out.toString();
        }

        JsonNode json() {
            return Http.json(new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }

        /** Any answer: a 200 or a 4xx, never a 5xx or another class. */
        java.util.Optional<String> generalProblem() {
            if (status >= 500) return java.util.Optional.of("status " + status + ": " + FuzzCases.abbreviate(body));
            if (status >= 0 && status != 200 && (status < 400 || status > 499)) {
                return java.util.Optional.of("status " + status + " is neither 200 nor a 4xx");
            }
            return java.util.Optional.empty();
        }

        /** A prompt's answer: 200 with prompt_id, number and node_errors; 400 with ComfyUI's error object. */
        java.util.Optional<String> promptShapeProblem() {
            java.util.Optional<String> general = generalProblem();
            if (general.isPresent()) return general;
            if (status < 0) return java.util.Optional.of("no answer");
            if (status == 200) {
                JsonNode answer = json();
                boolean ok = answer.path("prompt_id").isTextual() && answer.has("number")
                        && answer.path("node_errors").isObject();
                return ok ? java.util.Optional.empty() : java.util.Optional.of("200 without prompt_id/number/node_errors");
            }
            if (status == 413) return java.util.Optional.empty();
            JsonNode answer = json();
            JsonNode error = answer.path("error");
            boolean shaped = error.path("type").isTextual() && error.path("message").isTextual()
                    && error.path("details").isTextual() && error.path("extra_info").isObject()
                    && answer.path("node_errors").isObject();
            return shaped ? java.util.Optional.empty()
                    : java.util.Optional.of(status + " not in ComfyUI's prompt error shape: " + FuzzCases.abbreviate(body));
        }
    }
}
