package dev.easel.nodes.latent;

import dev.easel.diffusion.latent.Latent;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.models.VaeModel;
import dev.easel.nodes.DeclaredNode;

/** Latents back to images {@code [B, H, W, 3]}. */
public final class VAEDecode extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("VAEDecode")
            .displayName("VAE Decode")
            .category("model/latent")
            .description("Decodes latent images back into pixel space images.")
            .searchAliases("decode", "decode latent", "latent to image", "render latent")
            .required("samples", "LATENT", "tooltip", "The latent to be decoded.")
            .required("vae", "VAE", "tooltip", "The VAE model used for decoding the latent.")
            .output("IMAGE")
            .outputTooltip("The decoded image.")
            .build();

    public VAEDecode() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(inputs.get("vae", VaeModel.class).decode(inputs.get("samples", Latent.class).samples()));
    }
}
