package dev.easel.nodes.latent;

import dev.easel.diffusion.latent.Latent;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.nodes.DeclaredNode;
import dev.easel.nodes.Resolution;
import dev.easel.tensor.Tensor;
import dev.easel.tensor.image.CropMode;

/**
 * Resizes latents to a size given in image pixels (at least 64, floored to eighths); 0 for one
 * side keeps the aspect ratio, 0 for both leaves the latent as it is.
 */
public final class LatentUpscale extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("LatentUpscale")
            .displayName("Upscale Latent")
            .category("model/latent")
            .searchAliases("enlarge latent", "resize latent")
            .required("samples", "LATENT")
            .requiredCombo("upscale_method", LatentUpscaleMethod.wireNames())
            .required("width", "INT", "default", 512, "min", 0, "max", Resolution.MAX, "step", 8)
            .required("height", "INT", "default", 512, "min", 0, "max", Resolution.MAX, "step", 8)
            .requiredCombo("crop", CropMode.wireNames())
            .output("LATENT")
            .build();

    public LatentUpscale() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        Latent latent = inputs.get("samples", Latent.class);
        int width = inputs.getInt("width"), height = inputs.getInt("height");
        if (width == 0 && height == 0) return NodeResult.of(latent);
        Tensor samples = latent.samples();
        int h = samples.dim(2), w = samples.dim(3);
        if (width == 0) {
            height = Math.max(64, height);
            width = Math.max(64, (int) Math.rint((double) w * height / h));
        } else if (height == 0) {
            width = Math.max(64, width);
            height = Math.max(64, (int) Math.rint((double) h * width / w));
        } else {
            width = Math.max(64, width);
            height = Math.max(64, height);
        }
        return NodeResult.of(latent.withSamples(LatentResize.resize(samples, width / 8, height / 8,
                LatentUpscaleMethod.byWireName(inputs.getString("upscale_method")),
                CropMode.fromWireName(inputs.getString("crop")))));
    }
}
