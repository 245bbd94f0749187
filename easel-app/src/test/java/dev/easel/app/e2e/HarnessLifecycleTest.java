package dev.easel.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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
    @RegisterExtension
    final EaselProcess.Started processes = new EaselProcess.Started();

    private EaselProcess launch(int port, String cacheFlag) throws IOException {
        Path yaml = dir.resolve("extra_model_paths.yaml");
        Files.writeString(yaml, "testing:\n  custom_nodes: tests/execution/testing_nodes\n");
        List<String> args = new ArrayList<>(List.of("--output-directory", dir.resolve("out").toString(),
                "--extra-model-paths-config", yaml.toString(), "--cpu", cacheFlag));
        if (cacheFlag.equals("--cache-lru")) args.add("0");
        EaselProcess process = EaselProcess.launch(dir, port, dir.resolve("easel-" + processes.count() + ".log"),
                args.toArray(String[]::new));
        processes.add(process);
        return process;
    }

    @Test
    void startsWithComfyUisFlagsSurvivesSigkillAndRestartsOnTheSamePort() throws Exception {
        int port = EaselProcess.freePort();
        EaselProcess first = launch(port, "--cache-lru");
        JsonNode sleep = first.awaitReady("/object_info/TestSleep").json();
        assertThat(sleep.path("TestSleep").path("category").asText()).isEqualTo("_for_testing");

        assertThat(first.kill()).isEqualTo(137);

        EaselProcess second = launch(port, "--cache-none");
        assertThat(second.awaitReady("/object_info/TestSleep").json().has("TestSleep")).isTrue();
        assertThat(second.process.isAlive()).isTrue();
    }
}
