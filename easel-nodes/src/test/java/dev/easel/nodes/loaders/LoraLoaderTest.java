package dev.easel.nodes.loaders;

import dev.easel.engine.node.NodeResult;
import dev.easel.models.cache.ModelCache;
import dev.easel.models.library.ModelLibrary;
import dev.easel.nodes.FakeModels;
import dev.easel.nodes.NodeCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the LoRA nodes do without a checkpoint: strength 0 is a no-op, and a model that cannot take a LoRA says so. */
class LoraLoaderTest {
    @TempDir
    Path dir;

    private ModelLibrary library() throws Exception {
        Path loras = Files.createDirectories(dir.resolve("loras"));
        Files.write(loras.resolve("style.safetensors"), new byte[0]);
        return new ModelLibrary(Map.of(ModelLibrary.LORAS, List.of(loras)), ModelCache.lru(1 << 20));
    }

    @Test
    void zeroStrengthsReturnTheirInputsWithoutReadingTheLora() throws Exception {
        FakeModels.Clip clip = new FakeModels.Clip(-1);
        FakeModels.Model model = new FakeModels.Model();
        NodeResult both = NodeCalls.run(new LoraLoader(library()), "model", model, "clip", clip,
                "lora_name", "missing.safetensors", "strength_model", 0.0, "strength_clip", 0.0);
        assertThat(both.outputs()).containsExactly(model, clip);
        NodeResult modelOnly = NodeCalls.run(new LoraLoaderModelOnly(library()), "model", model,
                "lora_name", "missing.safetensors", "strength_model", 0.0);
        assertThat(modelOnly.outputs()).containsExactly(model);
    }

    @Test
    void aClipThatNoCheckpointLoaderMadeIsRefusedSayingSo() throws Exception {
        ModelLibrary library = library();
        assertThatThrownBy(() -> NodeCalls.run(new LoraLoader(library), "model", new FakeModels.Model(), "clip", new FakeModels.Clip(-1),
                "lora_name", "style.safetensors", "strength_model", 0.0, "strength_clip", 1.0))
                .hasMessage("LoRAs merge into models loaded from single-file checkpoints; this CLIP was not loaded from one");
    }
}
