package dev.easel.nodes.latent;

import dev.easel.diffusion.latent.Latent;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.nodes.DeclaredNode;
import dev.easel.tensor.Tensor;
import dev.easel.tensor.image.CropMode;

/** Resizes latents by a factor (each side rounded half to even, as Python's round). */
public final class LatentUpscaleBy extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("LatentUpscaleBy")
            .displayName("Upscale Latent By")
            .category("model/latent")
            .searchAliases("enlarge latent", "resize latent", "scale latent")
            .required("samples", "LATENT")
            .requiredCombo("upscale_method", LatentUpscaleMethod.wireNames())
            .required("scale_by", "FLOAT", "default", 1.5, "min", 0.01, "max", 8.0, "step", 0.01)
            .output("LATENT")
            .build();

    public LatentUpscaleBy() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        Latent latent = inputs.get("samples", Latent.class);
        Tensor samples = latent.samples();
        double scale = inputs.getDouble("scale_by");
        int width = (int) Math.rint(samples.dim(3) * scale), height = (int) Math.rint(samples.dim(2) * scale);
        return NodeResult.of(latent.withSamples(LatentResize.resize(samples, width, height,
                LatentUpscaleMethod.byWireName(inputs.getString("upscale_method")), CropMode.DISABLED)));
    }
}
