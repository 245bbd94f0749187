package dev.easel.app.config;

import dev.easel.engine.cache.CachePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtraModelPathsTest {

    @TempDir
    Path dir;

    private Path yaml(String text) throws Exception {
        return Files.writeString(dir.resolve("extra_model_paths.yaml"), text);
    }

    private Path root() {
        return dir.toAbsolutePath().normalize();
    }

    private EaselSettings settings(Path... configs) {
        List<ExtraModelPaths> loaded = java.util.Arrays.stream(configs).map(ExtraModelPaths::load).toList();
        return EaselSettings.of(Folders.under(dir.resolve("base")), loaded, false, CachePolicy.classic(),
                PreviewMethod.NONE, 512, false, dev.easel.engine.node.ResourceLimits.defaults());
    }

    @Test
    void basePathPrefixesEveryFolderAndMultiLineValuesGiveOnePathPerLine() throws Exception {
        Path file = yaml("""
                comfyui:
                    base_path: /data/comfy
                    checkpoints: models/checkpoints/
                    loras: |
                        models/loras
                        extra/loras

                        /abs/loras
                """);
        assertThat(ExtraModelPaths.load(file).entries()).containsExactly(
                new ExtraModelPaths.Entry("checkpoints", Path.of("/data/comfy/models/checkpoints"), false),
                new ExtraModelPaths.Entry("loras", Path.of("/data/comfy/models/loras"), false),
                new ExtraModelPaths.Entry("loras", Path.of("/data/comfy/extra/loras"), false),
                new ExtraModelPaths.Entry("loras", Path.of("/abs/loras"), false));
    }

    @Test
    void withoutBasePathRelativePathsAreTakenFromTheFilesFolder() throws Exception {
        Path file = yaml("mine:\n  vae: my/vae\n");
        assertThat(ExtraModelPaths.load(file).entries())
                .containsExactly(new ExtraModelPaths.Entry("vae", root().resolve("my/vae"), false));
    }

    @Test
    void relativeBasePathIsTakenFromTheFilesFolder() throws Exception {
        Path file = yaml("mine:\n  base_path: shared\n  vae: vae\n");
        assertThat(ExtraModelPaths.load(file).entries())
                .containsExactly(new ExtraModelPaths.Entry("vae", root().resolve("shared/vae"), false));
    }

    @Test
    void isDefaultMarksEveryEntryOfItsSectionAndPutsItFirst() throws Exception {
        Path file = yaml("""
                later:
                    loras: /b/loras
                first:
                    is_default: true
                    loras: /a/loras
                """);
        assertThat(ExtraModelPaths.load(file).entries()).extracting(ExtraModelPaths.Entry::isDefault)
                .containsExactly(false, true);
        assertThat(settings(file).modelFolders().get("loras")).containsExactly(Path.of("/a/loras"),
                root().resolve("base/models/loras"), Path.of("/b/loras"));
    }

    @Test
    void legacyFolderNamesJoinTheKeyTheyBecame() throws Exception {
        Path file = yaml("old:\n  clip: /old/clip\n  unet: /old/unet\n");
        Map<String, List<Path>> folders = settings(file).modelFolders();
        assertThat(folders.get("text_encoders")).endsWith(Path.of("/old/clip"));
        assertThat(folders.get("diffusion_models")).endsWith(Path.of("/old/unet"));
        assertThat(folders).doesNotContainKeys("clip", "unet");
    }

    @Test
    void defaultModelFoldersLieUnderModels() throws Exception {
        Map<String, List<Path>> folders = settings().modelFolders();
        Path models = root().resolve("base/models");
        assertThat(folders.get("checkpoints")).containsExactly(models.resolve("checkpoints"));
        assertThat(folders.get("text_encoders")).containsExactly(models.resolve("text_encoders"), models.resolve("clip"));
        assertThat(folders.get("diffusion_models")).containsExactly(models.resolve("unet"), models.resolve("diffusion_models"));
    }

    @Test
    void unknownFolderKeysAreKeptForNodePacksThatAskForThem() throws Exception {
        Path file = yaml("x:\n  my_models: /m\n");
        assertThat(settings(file).modelFolders().get("my_models")).containsExactly(Path.of("/m"));
    }

    @Test
    void pythonCustomNodesAreNotModelFoldersButFoldersToScanForJars() throws Exception {
        Path file = yaml("x:\n  custom_nodes: /opt/comfy/custom_nodes\n");
        EaselSettings settings = settings(file);
        assertThat(settings.modelFolders()).doesNotContainKey("custom_nodes");
        assertThat(settings.customNodeDirs()).containsExactly(root().resolve("base/custom_nodes"),
                Path.of("/opt/comfy/custom_nodes"));
        assertThat(settings.enabledPacks()).isEmpty();
    }

    @Test
    void customNodesNamingTestingNodesEnablesTheTestingPack() throws Exception {
        // the file ComfyUI's own execution tests start the server with
        Path file = yaml("# Config for testing nodes\ntesting:\n    custom_nodes: testing_nodes\n\n");
        EaselSettings settings = settings(file);
        assertThat(settings.enabledPacks()).containsExactly("testing");
        assertThat(settings.customNodeDirs()).containsExactly(root().resolve("base/custom_nodes"));
    }

    @Test
    void aFolderMerelyContainingTestingNodesInItsPathDoesNotEnableThePack() throws Exception {
        Path file = yaml("x:\n  custom_nodes: /srv/testing_nodes/more\n");
        assertThat(settings(file).enabledPacks()).isEmpty();
    }

    @Test
    void emptySectionsAndEmptyFilesAreFine() throws Exception {
        assertThat(ExtraModelPaths.load(yaml("")).entries()).isEmpty();
        assertThat(ExtraModelPaths.load(yaml("nothing:\n")).entries()).isEmpty();
    }

    @Test
    void yamlListsAreAcceptedAsWellAsLineBlocks() throws Exception {
        Path file = yaml("x:\n  loras:\n    - /l/one\n    - /l/two\n");
        assertThat(ExtraModelPaths.load(file).entries()).extracting(ExtraModelPaths.Entry::path)
                .containsExactly(Path.of("/l/one"), Path.of("/l/two"));
    }

    @Test
    void valuesThatAreNotPathsAreIgnored() throws Exception {
        Path file = yaml("x:\n  loras: 42\n  vae: /v\n");
        assertThat(ExtraModelPaths.load(file).entries()).extracting(ExtraModelPaths.Entry::folderKey)
                .containsExactly("vae");
    }

    @Test
    void malformedYamlIsAConfigErrorNamingTheFile() throws Exception {
        Path file = yaml("x:\n  loras: [unclosed\n");
        assertThatThrownBy(() -> ExtraModelPaths.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("invalid YAML in").hasMessageContaining("extra_model_paths.yaml");
    }

    @Test
    void aTopLevelThatIsNotAMappingIsAConfigError() throws Exception {
        Path file = yaml("- just\n- a list\n");
        assertThatThrownBy(() -> ExtraModelPaths.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("expected sections at the top level");
    }

    @Test
    void homeAndEnvironmentVariablesExpandInPaths() {
        Map<String, String> env = Map.of("MODELS", "/mnt/models");
        assertThat(PathExpansion.expand("~/comfy", env, "/home/me")).isEqualTo("/home/me/comfy");
        assertThat(PathExpansion.expand("$MODELS/sd", env, "/home/me")).isEqualTo("/mnt/models/sd");
        assertThat(PathExpansion.expand("${MODELS}/sd", env, "/home/me")).isEqualTo("/mnt/models/sd");
        assertThat(PathExpansion.expand("$UNSET/sd", env, "/home/me")).isEqualTo("$UNSET/sd");
        assertThat(PathExpansion.expand("a~b", env, "/home/me")).isEqualTo("a~b");
    }
}
