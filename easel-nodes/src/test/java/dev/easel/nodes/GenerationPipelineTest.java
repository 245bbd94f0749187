package dev.easel.nodes;

import dev.easel.diffusion.cond.Conditioning;
import dev.easel.diffusion.latent.Latent;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.models.demo.DemoModel;
import dev.easel.nodes.loaders.ModelLibraries;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** ComfyUI's default workflow through the nodes, on the demo model written to a checkpoints folder. */
class GenerationPipelineTest {
    @TempDir
    static Path base;

    private final GenerationNodePack pack = new GenerationNodePack(new ModelLibraries(1L << 31));
    private final Map<String, NodeDefinition> nodes = new LinkedHashMap<>();
    private final RecordingContext ctx = new RecordingContext();

    @BeforeEach
    void writeModelAndBuildNodes() throws Exception {
        Path checkpoint = base.resolve("models/checkpoints/demo");
        if (!checkpoint.toFile().exists()) DemoModel.writeTo(checkpoint);
        PackEnvironment under = PackEnvironment.under(base);
        PackEnvironment env = new PackEnvironment(under.baseDir(), under.outputDir(), under.inputDir(), under.tempDir(),
                false, "latent2rgb", 512, Map.of("checkpoints", List.of(base.resolve("models/checkpoints"))));
        pack.nodes(env).forEach(n -> nodes.put(n.schema().classType(), n));
    }

    private List<Object> run(String classType, Object... pairs) throws Exception {
        NodeResult result = nodes.get(classType).execute(ctx, NodeCalls.inputs(pairs));
        return result.outputs();
    }

    @Test
    void theDefaultWorkflowDrawsAnImageWithAPreviewedProgressPerStep() throws Exception {
        List<Object> checkpoint = run("CheckpointLoaderSimple", "ckpt_name", "demo");
        Object model = checkpoint.get(0), clip = checkpoint.get(1), vae = checkpoint.get(2);
        Conditioning positive = (Conditioning) run("CLIPTextEncode", "text", "a bottle on a table", "clip", clip).get(0);
        Conditioning negative = (Conditioning) run("CLIPTextEncode", "text", "", "clip", clip).get(0);
        Latent empty = (Latent) run("EmptyLatentImage", "width", 64, "height", 64, "batch_size", 1).get(0);
        Latent sampled = (Latent) run("KSampler", "model", model, "seed", 7L, "steps", 4, "cfg", 7.0,
                "sampler_name", "euler", "scheduler", "normal", "positive", positive, "negative", negative,
                "latent_image", empty, "denoise", 1.0).get(0);
        Tensor image = (Tensor) run("VAEDecode", "samples", sampled, "vae", vae).get(0);

        assertThat(sampled.samples().shape()).containsExactly(1, 4, 8, 8);
        assertThat(image.shape()).containsExactly(1, 64, 64, 3);
        for (float v : image.data()) assertThat(v).isBetween(0f, 1f);
        assertThat(image.allEqual(image.data()[0])).isFalse();
        assertThat(ctx.progress).extracting(p -> p.value().intValue() + "/" + p.max().intValue())
                .containsExactly("1/4", "2/4", "3/4", "4/4");
        byte[] lastPreview = ctx.progress.get(3).preview().orElseThrow().encoded();
        assertThat(lastPreview).startsWith((byte) 0xFF, (byte) 0xD8);
    }

    @Test
    void aCheckpointKeptAcrossAnUnloadLoadsAgainWhenItIsUsed() throws Exception {
        Object clip = run("CheckpointLoaderSimple", "ckpt_name", "demo").get(1);
        Conditioning before = (Conditioning) run("CLIPTextEncode", "text", "a bottle", "clip", clip).get(0);
        pack.unloadModels();
        Conditioning after = (Conditioning) run("CLIPTextEncode", "text", "a bottle", "clip", clip).get(0);

        assertThat(after.entries().getFirst().crossAttn().data()).containsExactly(before.entries().getFirst().crossAttn().data());
    }
}
