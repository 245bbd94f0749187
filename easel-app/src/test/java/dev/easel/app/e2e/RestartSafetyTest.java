package dev.easel.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.testkit.Http;
import dev.easel.testkit.WsRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The durable job store across a crash: a server process queues twenty jobs, is killed with
 * SIGKILL while one of them runs, and is started again over the same base directory.
 */
class RestartSafetyTest {
    private static final int JOBS = 20;
    private static final int CUT_OFF = 3;

    @TempDir
    Path dir;
    @RegisterExtension
    final EaselProcess.Started processes = new EaselProcess.Started();

    private EaselProcess start(String name, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("--base-directory", dir.toString(), "--enable-test-nodes", "--cache-none", "--cpu",
                "--verbose", "INFO"));
        args.addAll(List.of(more));
        EaselProcess easel = EaselProcess.launch(dir, EaselProcess.freePort(), dir.resolve(name + ".log"), args.toArray(String[]::new));
        processes.add(easel);
        easel.awaitReady("/object_info/TestSleep");
        return easel;
    }

    /** A 4×4 image of colour {@code index} held for {@code seconds}, saved as {@code job-<index>}. */
    static Map<String, Object> job(int index, double seconds) {
        return job("job-" + index, index, seconds);
    }

    static Map<String, Object> job(String prefix, int index, double seconds) {
        return map(
                "1", map("class_type", "EmptyImage", "inputs", map("width", 4, "height", 4, "batch_size", 1, "color", index)),
                "2", map("class_type", "TestSleep", "inputs", map("value", List.of("1", 0), "seconds", seconds)),
                "3", map("class_type", "SaveImage", "inputs", map("images", List.of("2", 0), "filename_prefix", prefix)));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static List<Path> savedFiles(Path output, int index) throws Exception {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(f -> f.getFileName().toString().startsWith("job-" + index + "_")).toList();
        }
    }

    private static void awaitQueueRunning(Http http, String promptId) throws InterruptedException {
        for (int tries = 0; tries < 1200; tries++) {
            JsonNode running = http.get("/queue").json().path("queue_running");
            if (running.size() == 1 && running.get(0).get(1).asText().equals(promptId)) return;
            Thread.sleep(25);
        }
        throw new AssertionError("job " + promptId + " never started");
    }

    private static void awaitEmptyQueue(Http http) throws InterruptedException {
        for (int tries = 0; tries < 2400; tries++) {
            if (http.get("/prompt").json().path("exec_info").path("queue_remaining").asInt() == 0) return;
            Thread.sleep(25);
        }
        throw new AssertionError("the queue never emptied: " + http.get("/queue").text());
    }

    @Test
    void killedMidRunItLosesNothingAcknowledgedAndRunsNothingTwice() throws Exception {
        EaselProcess first = start("first");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            // the cut-off job sleeps far longer than the test waits; the others are quick, some slower
            double seconds = i == CUT_OFF ? 600 : i % 4 == 1 ? 0.3 : 0;
            Http.Response accepted = first.http.postJson("/prompt", map("prompt", job(i, seconds)));
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
            assertThat(accepted.json().path("number").asInt()).isEqualTo(i);
            ids.add(accepted.json().path("prompt_id").asText());
        }
        awaitQueueRunning(first.http, ids.get(CUT_OFF));
        String firstInstance = first.http.get("/system_stats").json().path("system").path("instance_id").asText();
        assertThat(first.kill()).isEqualTo(137);

        EaselProcess second = start("second");
        String secondInstance = second.http.get("/system_stats").json().path("system").path("instance_id").asText();
        assertThat(secondInstance).isNotEmpty().isNotEqualTo(firstInstance);
        try (WsRecorder ws = WsRecorder.connect(second.port, "clientId=watcher")) {
            assertThat(ws.nextText().json().path("data").path("instance_id").asText()).isEqualTo(secondInstance);
        }
        awaitEmptyQueue(second.http);

        JsonNode history = second.http.get("/history").json();
        // history order is run order: the three that finished, the cut-off one, then the rest in queue order
        assertThat(keys(history)).containsExactlyElementsOf(ids);
        Path output = dir.resolve("output");
        long previousStart = 0;
        for (int i = 0; i < JOBS; i++) {
            JsonNode entry = history.path(ids.get(i));
            JsonNode status = entry.path("status");
            long started = status.path("messages").get(0).get(1).path("timestamp").asLong();
            assertThat(started).as("job %d starts after job %d", i, i - 1).isGreaterThanOrEqualTo(previousStart);
            previousStart = started;
            if (i == CUT_OFF) {
                assertThat(status.path("status_str").asText()).isEqualTo("error");
                assertThat(status.path("completed").asBoolean()).isFalse();
                JsonNode error = status.path("messages").get(1);
                assertThat(error.get(0).asText()).isEqualTo("execution_error");
                assertThat(error.get(1).path("exception_type").asText()).isEqualTo("ServerStopped");
                assertThat(error.get(1).path("exception_message").asText()).isEqualTo(
                        "The server stopped while this prompt was running; it did not finish (server instance " + firstInstance + ")");
                assertThat(second.http.get("/api/jobs/" + ids.get(i)).json().path("status").asText()).isEqualTo("failed");
                assertThat(savedFiles(output, i)).isEmpty();
                continue;
            }
            assertThat(status.path("status_str").asText()).as("job %d", i).isEqualTo("success");
            String file = entry.path("outputs").path("3").path("images").get(0).path("filename").asText();
            assertThat(file).isEqualTo("job-" + i + "_00001_.png");
            // exactly one file per job: nothing ran twice to completion
            assertThat(savedFiles(output, i)).containsExactly(output.resolve(file));
        }
        assertThat(second.http.get("/api/jobs?status=completed").json().path("pagination").path("total").asInt()).isEqualTo(JOBS - 1);
        assertThat(second.logText()).contains("prompt " + ids.get(CUT_OFF) + " was running when server instance "
                + firstInstance + " stopped; it is recorded as failed");
        // the prompt counter continues where the first start left it
        assertThat(second.http.postJson("/prompt", map("prompt", job(JOBS, 0))).json().path("number").asInt()).isEqualTo(JOBS);
    }

    private List<String> queueThree(EaselProcess easel, double firstSeconds) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(easel.http.postJson("/prompt", map("prompt", job(i, i == 0 ? firstSeconds : 0))).json().path("prompt_id").asText());
        }
        awaitQueueRunning(easel.http, ids.getFirst());
        return ids;
    }

    /** SIGTERM, and the exit status once the process is gone. */
    private static int terminate(EaselProcess easel) throws InterruptedException {
        easel.process.destroy();
        assertThat(easel.process.waitFor(60, TimeUnit.SECONDS)).as("easel exits").isTrue();
        return easel.process.exitValue();
    }

    @Test
    void sigtermLetsTheRunningJobFinishAndKeepsThePendingOnesQueued() throws Exception {
        EaselProcess first = start("first");
        List<String> ids = queueThree(first, 1.5);
        assertThat(terminate(first)).isZero();
        assertThat(first.logText()).contains("Stopped; 2 job(s) stay queued for the next start");
        assertThat(savedFiles(dir.resolve("output"), 0)).hasSize(1);

        EaselProcess second = start("second");
        JsonNode history = second.http.get("/history/" + ids.getFirst()).json().path(ids.getFirst());
        assertThat(history.path("status").path("status_str").asText()).isEqualTo("success");
        awaitEmptyQueue(second.http);
        assertThat(keys(second.http.get("/history").json())).containsExactlyElementsOf(ids);
        for (int i = 1; i < 3; i++) assertThat(savedFiles(dir.resolve("output"), i)).hasSize(1);
    }

    @Test
    void sigtermPastTheGracePeriodRecordsTheRunningJobAsFailed() throws Exception {
        EaselProcess first = start("first", "--stop-grace-period", "1");
        List<String> ids = queueThree(first, 600);
        assertThat(terminate(first)).isZero();

        EaselProcess second = start("second");
        JsonNode error = second.http.get("/api/jobs/" + ids.getFirst()).json();
        assertThat(error.path("status").asText()).isEqualTo("failed");
        assertThat(error.path("execution_error").path("exception_message").asText())
                .isEqualTo("The server was stopped and this prompt did not finish within the grace period of 1 s");
        awaitEmptyQueue(second.http);
        assertThat(keys(second.http.get("/history").json())).containsExactlyElementsOf(ids);
        assertThat(savedFiles(dir.resolve("output"), 0)).isEmpty();
    }

    @Test
    void anUnreadableStoreStopsStartUpAndIsKept() throws Exception {
        Path store = dir.resolve("user").resolve("jobs.db");
        Files.createDirectories(store.getParent());
        byte[] garbage = "not a job store ".repeat(512).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(store, garbage);
        EaselProcess easel = EaselProcess.launch(dir, EaselProcess.freePort(), dir.resolve("refused.log"),
                "--base-directory", dir.toString(), "--cpu");
        processes.add(easel);
        assertThat(easel.process.waitFor(60, TimeUnit.SECONDS)).as("easel exits").isTrue();
        assertThat(easel.process.exitValue()).isEqualTo(1);
        assertThat(easel.logText()).contains("The server could not start. The job store " + store + " cannot be used: ")
                .contains("It is left as it is; move it away to start with an empty queue and history, or put back a good copy.");
        assertThat(Files.readAllBytes(store)).isEqualTo(garbage);
    }
}
