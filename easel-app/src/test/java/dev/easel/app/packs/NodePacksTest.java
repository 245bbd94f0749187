package dev.easel.app.packs;

import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.PackEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodePacksTest {

    @TempDir
    Path dir;

    private Path customNodes() {
        return dir.resolve("custom_nodes");
    }

    private NodePacks.Loaded load(Set<String> switchedOn) {
        return NodePacks.load(List.of(customNodes()), switchedOn, PackEnvironment.under(dir), getClass().getClassLoader());
    }

    @Test
    void packsOnByDefaultAreLoadedFromTheClasspath() {
        NodePacks.Loaded loaded = load(Set.of());
        assertThat(loaded.enabled()).contains("app-test");
        assertThat(loaded.registry().find("AppTestCounter")).isPresent();
        assertThat(loaded.registry().find("AppTestWriteText")).isPresent();
    }

    @Test
    void packsOffByDefaultAreSkippedUnlessSwitchedOn() {
        NodePacks.Loaded off = load(Set.of());
        assertThat(off.skipped()).contains("app-test-dormant");
        assertThat(off.enabled()).doesNotContain("app-test-dormant");
        assertThat(off.registry().find("AppTestDormantNode")).isEmpty();

        NodePacks.Loaded on = load(Set.of("app-test-dormant"));
        assertThat(on.enabled()).contains("app-test", "app-test-dormant");
        assertThat(on.registry().find("AppTestDormantNode")).isPresent();
    }

    @Test
    void switchingOnAnUnknownPackIsHarmless() {
        assertThat(load(Set.of("no-such-pack")).registry().find("AppTestCounter")).isPresent();
    }

    @Test
    void jarsInCustomNodesRegisterTheirPacks() throws Exception {
        PackJars.build(dir, customNodes().resolve("extra-nodes.jar"),
                PackJars.packSource("jarpack", "jar-pack", "JarPackNode"), List.of("jarpack.Pack"));

        NodePacks.Loaded loaded = load(Set.of());

        assertThat(loaded.enabled()).contains("app-test", "jar-pack");
        NodeDefinition node = loaded.registry().find("JarPackNode").orElseThrow();
        assertThat(node.getClass().getClassLoader()).isInstanceOf(URLClassLoader.class);
        assertThat(node.getClass().getClassLoader().getName()).isEqualTo("custom_nodes");
        // classpath packs come first, jar packs after them
        assertThat(loaded.enabled().indexOf("app-test")).isLessThan(loaded.enabled().indexOf("jar-pack"));
    }

    @Test
    void jarPackRegisteringAnExistingClassTypeFailsNamingBothPacks() throws Exception {
        PackJars.build(dir, customNodes().resolve("clash.jar"),
                PackJars.packSource("clash", "clash-pack", "AppTestCounter"), List.of("clash.Pack"));

        assertThatThrownBy(() -> load(Set.of())).isInstanceOf(IllegalStateException.class)
                .hasMessage("node pack clash-pack registers class_type AppTestCounter, already registered by app-test");
    }

    @Test
    void twoPacksWithOneNameFailNamingBothClasses() throws Exception {
        PackJars.build(dir, customNodes().resolve("a.jar"), PackJars.packSource("one", "twin", "TwinOne"),
                List.of("one.Pack"));
        PackJars.build(dir, customNodes().resolve("b.jar"), PackJars.packSource("two", "twin", "TwinTwo"),
                List.of("two.Pack"));

        assertThatThrownBy(() -> load(Set.of())).isInstanceOf(IllegalStateException.class)
                .hasMessage("two node packs are named 'twin': one.Pack and two.Pack");
    }

    @Test
    void aProviderThatCannotBeLoadedFailsNamingIt() throws Exception {
        PackJars.build(dir, customNodes().resolve("broken.jar"), PackJars.packSource("fine", "fine", "FineNode"),
                List.of("missing.Pack"));

        assertThatThrownBy(() -> load(Set.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a node pack could not be loaded").hasMessageContaining("missing.Pack");
    }

    @Test
    void onlyJarsAreLoadedAndMissingFoldersAreFine() throws Exception {
        Files.createDirectories(customNodes().resolve("SomePythonPack"));
        Files.writeString(customNodes().resolve("__init__.py"), "");

        NodePacks.Loaded loaded = NodePacks.load(List.of(customNodes(), dir.resolve("absent")), Set.of(),
                PackEnvironment.under(dir), getClass().getClassLoader());

        assertThat(loaded.registry().find("AppTestCounter")).isPresent();
    }
}
