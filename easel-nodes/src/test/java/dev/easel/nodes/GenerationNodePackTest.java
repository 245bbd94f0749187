package dev.easel.nodes;

import dev.easel.engine.node.NodePack;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.nodes.loaders.ModelLibraries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class GenerationNodePackTest {
    @TempDir
    Path base;

    @Test
    void isFoundThroughTheServiceLoaderAfterTheCorePack() {
        assertThat(ServiceLoader.load(NodePack.class).stream().map(p -> p.get().name())).containsSubsequence("core", "generation");
    }

    @Test
    void registersBesideTheCorePackWithoutAClash() {
        PackEnvironment env = PackEnvironment.under(base);
        NodeRegistry registry = NodeRegistry.builder().addPack(new CoreNodePack(), env).addPack(new GenerationNodePack(), env).build();
        assertThat(registry.all()).hasSize(new CoreNodePack().nodes(env).size() + 25);
        assertThat(registry.find("KSampler")).isPresent();
    }

    @Test
    void oneEnvironmentHasOneLibrarySharedByItsLoaders() {
        ModelLibraries libraries = new ModelLibraries(1 << 20);
        PackEnvironment env = PackEnvironment.under(base);
        assertThat(libraries.forEnvironment(env)).isSameAs(libraries.forEnvironment(PackEnvironment.under(base)));
        assertThat(libraries.forEnvironment(env)).isNotSameAs(libraries.forEnvironment(PackEnvironment.under(base.resolve("other"))));
    }

    @Test
    void checkpointChoicesAreListedAnewEachTime() throws Exception {
        PackEnvironment env = PackEnvironment.under(base);
        var loader = new GenerationNodePack().nodes(env).get(1);
        var ckpt = loader.schema().input("ckpt_name").orElseThrow();
        assertThat(ckpt.choiceList()).isEmpty();
        java.nio.file.Files.createDirectories(base.resolve("models/checkpoints"));
        dev.easel.models.demo.DemoModel.writeTo(base.resolve("models/checkpoints/demo"));
        assertThat(ckpt.choiceList()).containsExactly("demo");
    }
}
