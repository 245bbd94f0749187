package dev.easel.nodes.latent;

import dev.easel.diffusion.latent.Latent;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.models.VaeModel;
import dev.easel.nodes.DeclaredNode;
import dev.easel.tensor.Tensor;

/** Images to latents, after cutting them to multiples of the VAE's downscale around the centre. */
public final class VAEEncode extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("VAEEncode")
            .displayName("VAE Encode")
            .category("model/latent")
            .searchAliases("encode", "encode image", "image to latent")
            .required("pixels", "IMAGE")
            .required("vae", "VAE")
            .output("LATENT")
            .build();

    public VAEEncode() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        VaeModel vae = inputs.get("vae", VaeModel.class);
        Tensor pixels = PixelCrop.toMultiple(inputs.get("pixels", Tensor.class), vae.downscale());
        return NodeResult.of(Latent.of(vae.encode(pixels)));
    }
}
