package dev.easel.nodes.latent;

import dev.easel.diffusion.latent.Latent;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.nodes.DeclaredNode;
import dev.easel.tensor.Tensor;

/** Limits sampling to a mask's region (1 = resample); the mask is kept as {@code [N, 1, H, W]} at its own size. */
public final class SetLatentNoiseMask extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("SetLatentNoiseMask")
            .displayName("Set Latent Noise Mask")
            .category("model/latent")
            .required("samples", "LATENT")
            .required("mask", "MASK")
            .output("LATENT")
            .build();

    public SetLatentNoiseMask() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        Tensor mask = inputs.get("mask", Tensor.class);
        int h = mask.dim(-2), w = mask.dim(-1);
        return NodeResult.of(inputs.get("samples", Latent.class).withNoiseMask(mask.reshape(mask.size() / (h * w), 1, h, w)));
    }
}
