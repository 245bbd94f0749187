package dev.easel.app.packs;

import dev.easel.app.cli.EaselCommand;
import dev.easel.app.config.EaselSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The packs that ship with Easel, switched on the ways ComfyUI's harness does it. */
class BuiltInPacksTest {

    @TempDir
    Path base;

    private NodePacks.Loaded load(String... args) {
        CommandLine cmd = EaselCommand.commandLine();
        cmd.parseArgs(args);
        EaselSettings settings = ((EaselCommand) cmd.getCommand()).settings();
        return NodePacks.load(settings);
    }

    @Test
    void theCorePackIsOnAndTheTestingPackOffByDefault() {
        NodePacks.Loaded loaded = load("--base-directory", base.toString());
        assertThat(loaded.enabled()).contains("core").doesNotContain("testing");
        assertThat(loaded.skipped()).contains("testing");
        assertThat(loaded.registry().find("SaveImage")).isPresent();
        assertThat(loaded.registry().find("StubImage")).isEmpty();
    }

    @Test
    void enableTestNodesLoadsTheTestingPack() {
        NodePacks.Loaded loaded = load("--base-directory", base.toString(), "--enable-test-nodes");
        assertThat(loaded.enabled()).contains("core", "testing");
        assertThat(loaded.registry().find("StubImage")).isPresent();
        assertThat(loaded.registry().find("TestLazyMixImages")).isPresent();
    }

    @Test
    void comfyUisTestHarnessConfigLoadsTheTestingPack() throws Exception {
        Path yaml = Files.writeString(base.resolve("extra_model_paths.yaml"),
                "# Config for testing nodes\ntesting:\n    custom_nodes: testing_nodes\n\n");
        NodePacks.Loaded loaded = load("--base-directory", base.toString(), "--extra-model-paths-config",
                yaml.toString(), "--cpu", "--cache-lru", "100");
        assertThat(loaded.enabled()).contains("testing");
        assertThat(loaded.registry().find("StubImage")).isPresent();
    }
}
