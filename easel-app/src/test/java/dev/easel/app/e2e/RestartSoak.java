package dev.easel.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.testkit.Http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static dev.easel.testkit.Http.map;

/**
 * The restart test at random moments, as a soak: each round queues twenty jobs (every fourth one
 * slower) on a server process, kills it with SIGKILL after a random delay, starts a new one over
 * the same base directory, lets the queue drain and checks every acknowledged job. Prints a tally;
 * exits 1 if any acknowledged job was lost, ran twice to completion, or failed for another reason.
 * {@code java -cp <easel-app test class path> dev.easel.app.e2e.RestartSoak [rounds] [dir]}
 */
public final class RestartSoak {
    private static final int JOBS = 20;

    private RestartSoak() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("easel-soak");
        Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 8L);
        int acknowledged = 0, completed = 0, cutOff = 0, lost = 0, twice = 0, otherFailures = 0;
        EaselProcess server = start(dir, 0);
        for (int round = 1; round <= rounds; round++) {
            List<String> ids = new ArrayList<>();
            long killAt = System.currentTimeMillis() + random.nextInt(2_500);
            for (int i = 0; i < JOBS && System.currentTimeMillis() < killAt; i++) {
                Http.Response answer = server.http.postJson("/prompt",
                        map("prompt", RestartSafetyTest.job("r" + round + "-" + i, i, i % 4 == 1 ? 0.25 : 0)));
                if (answer.status() == 200) ids.add(answer.json().path("prompt_id").asText());
            }
            Thread.sleep(Math.max(0, killAt - System.currentTimeMillis()));
            server.kill();
            server = start(dir, round);
            awaitEmptyQueue(server.http);
            JsonNode history = server.http.get("/history").json();
            acknowledged += ids.size();
            for (int i = 0; i < ids.size(); i++) {
                JsonNode entry = history.path(ids.get(i));
                long files = savedFiles(dir.resolve("output"), "r" + round + "-" + i + "_");
                if (entry.isMissingNode()) {
                    lost++;
                } else if (entry.path("status").path("status_str").asText().equals("success")) {
                    completed++;
                    if (files != 1) twice++;
                } else if (entry.path("status").path("messages").path(1).path(1).path("exception_type").asText().equals("ServerStopped")) {
                    cutOff++;
                } else {
                    otherFailures++;
                }
            }
            System.out.printf("round %d: %d acknowledged; totals: completed %d, cut off by the kill %d, lost %d, "
                    + "completed twice %d, other failures %d%n", round, ids.size(), completed, cutOff, lost, twice, otherFailures);
        }
        server.kill();
        System.out.printf("%d rounds, %d acknowledged jobs: %d completed once, %d cut off (failed: ServerStopped), "
                + "%d lost, %d completed twice, %d failed otherwise%n", rounds, acknowledged, completed, cutOff, lost, twice, otherFailures);
        System.exit(lost + twice + otherFailures == 0 ? 0 : 1);
    }

    private static EaselProcess start(Path dir, int round) throws Exception {
        EaselProcess easel = EaselProcess.launch(dir, EaselProcess.freePort(), dir.resolve("soak-" + round + ".log"),
                "--base-directory", dir.toString(), "--enable-test-nodes", "--cache-none", "--cpu");
        easel.awaitReady("/object_info/TestSleep");
        return easel;
    }

    private static void awaitEmptyQueue(Http http) throws InterruptedException {
        while (http.get("/prompt").json().path("exec_info").path("queue_remaining").asInt() > 0) Thread.sleep(25);
    }

    private static long savedFiles(Path output, String prefix) throws Exception {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).count();
        }
    }
}
