package dev.easel.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Easel started the way ComfyUI's test harness starts ComfyUI: a separate process with
 * ComfyUI's flags and an extra_model_paths file naming its testing_nodes folder, ready on its
 * port, killed with SIGKILL, and started again on the same port at once.
 */
class HarnessLifecycleTest {
    @TempDir
    Path dir;
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void killAll() {
        processes.forEach(Process::destroyForcibly);
    }

    private Process launch(int port, String cacheFlag) throws IOException {
        Path yaml = dir.resolve("extra_model_paths.yaml");
        Files.writeString(yaml, "testing:\n  custom_nodes: tests/execution/testing_nodes\n");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.easel.app.Main",
                "--listen", "127.0.0.1", "--port", Integer.toString(port),
                "--output-directory", dir.resolve("out").toString(),
                "--extra-model-paths-config", yaml.toString(), "--cpu", cacheFlag));
        if (cacheFlag.equals("--cache-lru")) command.add("0");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("easel-" + processes.size() + ".log").toFile()).start();
        processes.add(process);
        return process;
    }

    private JsonNode awaitReady(int port, Process process) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) throw new AssertionError("easel exited with " + process.exitValue());
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/object_info/TestSleep")).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) return LiveServer.parse(answer.body());
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("easel was not ready on port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    @Test
    void startsWithComfyUisFlagsSurvivesSigkillAndRestartsOnTheSamePort() throws Exception {
        int port = freePort();
        Process first = launch(port, "--cache-lru");
        JsonNode sleep = awaitReady(port, first);
        assertThat(sleep.path("TestSleep").path("category").asText()).isEqualTo("_for_testing");

        first.destroyForcibly().waitFor();
        assertThat(first.exitValue()).isEqualTo(137);

        Process second = launch(port, "--cache-none");
        assertThat(awaitReady(port, second).has("TestSleep")).isTrue();
        assertThat(second.isAlive()).isTrue();
    }
}
