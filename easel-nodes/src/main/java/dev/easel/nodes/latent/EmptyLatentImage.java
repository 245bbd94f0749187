package dev.easel.nodes.latent;

import dev.easel.diffusion.latent.Latent;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.nodes.DeclaredNode;
import dev.easel.nodes.Resolution;
import dev.easel.tensor.Tensor;

/**
 * A batch of all-zero SD latents {@code [B, 4, H/8, W/8]}; samplers of 16-channel models widen it
 * to their channel count, as ComfyUI's samplers do with an empty latent.
 */
public final class EmptyLatentImage extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("EmptyLatentImage")
            .displayName("Empty Latent Image")
            .category("model/latent")
            .description("Create a new batch of empty latent images to be denoised via sampling.")
            .searchAliases("empty", "empty latent", "new latent", "create latent", "blank latent", "blank")
            .required("width", "INT", "default", 1024, "min", 16, "max", Resolution.MAX, "step", 8,
                    "tooltip", "The width of the latent images in pixels.")
            .required("height", "INT", "default", 1024, "min", 16, "max", Resolution.MAX, "step", 8,
                    "tooltip", "The height of the latent images in pixels.")
            .required("batch_size", "INT", "default", 1, "min", 1, "max", 4096,
                    "tooltip", "The number of latent images in the batch.")
            .output("LATENT")
            .outputTooltip("The empty latent image batch.")
            .build();

    public EmptyLatentImage() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        int height = inputs.getInt("height") / 8, width = inputs.getInt("width") / 8;
        return NodeResult.of(Latent.of(Tensor.zeros(inputs.getInt("batch_size"), 4, height, width)));
    }
}
