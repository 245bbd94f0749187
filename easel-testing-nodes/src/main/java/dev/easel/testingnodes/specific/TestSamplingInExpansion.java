package dev.easel.testingnodes.specific;

import dev.easel.engine.graph.GraphBuilder;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;
import dev.easel.testingnodes.python.PythonInts;

/** A text-to-image pipeline built by expansion from the given model, CLIP and VAE. */
public final class TestSamplingInExpansion implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestSamplingInExpansion")
            .displayName("Sampling In Expansion").category(SpecificTests.CATEGORY)
            .required("model", "MODEL")
            .required("clip", "CLIP")
            .required("vae", "VAE")
            .required("seed", "INT", "default", 0, "min", 0, "max", PythonInts.U64_MAX)
            .required("steps", "INT", "default", 20, "min", 1, "max", 100)
            .required("cfg", "FLOAT", "default", 7.0, "min", 0.0, "max", 30.0)
            .required("prompt", "STRING", "multiline", true,
                    "default", "a beautiful landscape with mountains and trees")
            .required("negative_prompt", "STRING", "multiline", true,
                    "default", "blurry, bad quality, worst quality")
            .output("IMAGE").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        GraphBuilder graph = ctx.newGraph();
        GraphBuilder.NodeBuilder positive = graph.node("CLIPTextEncode")
                .set("text", inputs.get("prompt")).set("clip", inputs.get("clip"));
        GraphBuilder.NodeBuilder negative = graph.node("CLIPTextEncode")
                .set("text", inputs.get("negative_prompt")).set("clip", inputs.get("clip"));
        GraphBuilder.NodeBuilder latent = graph.node("EmptyLatentImage")
                .set("width", 512L).set("height", 512L).set("batch_size", 1L);
        GraphBuilder.NodeBuilder sampler = graph.node("KSampler")
                .set("model", inputs.get("model"))
                .set("positive", positive.out(0))
                .set("negative", negative.out(0))
                .set("latent_image", latent.out(0))
                .set("seed", inputs.get("seed"))
                .set("steps", inputs.get("steps"))
                .set("cfg", inputs.get("cfg"))
                .set("sampler_name", "euler_ancestral")
                .set("scheduler", "normal");
        GraphBuilder.NodeBuilder decode = graph.node("VAEDecode")
                .set("samples", sampler.out(0)).set("vae", inputs.get("vae"));
        return NodeResult.expand(graph.build(), decode.out(0));
    }
}
