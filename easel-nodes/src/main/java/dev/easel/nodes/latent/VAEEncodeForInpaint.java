package dev.easel.nodes.latent;

import dev.easel.diffusion.latent.Latent;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.models.VaeModel;
import dev.easel.nodes.DeclaredNode;
import dev.easel.tensor.Tensor;
import dev.easel.tensor.image.CropMode;
import dev.easel.tensor.image.Resize;
import dev.easel.tensor.image.ResizeMethod;

/**
 * Encodes images for inpainting: the masked pixels are set to grey (0.5) before encoding, and the
 * latent's noise mask is the mask, rounded and grown by {@code grow_mask_by} pixels so the seam
 * is resampled too. The mask is first stretched (bilinearly) to the image.
 */
public final class VAEEncodeForInpaint extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("VAEEncodeForInpaint")
            .displayName("VAE Encode (for Inpainting)")
            .category("model/latent")
            .required("pixels", "IMAGE")
            .required("vae", "VAE")
            .required("mask", "MASK")
            .required("grow_mask_by", "INT", "default", 6, "min", 0, "max", 64, "step", 1)
            .output("LATENT")
            .build();

    public VAEEncodeForInpaint() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        VaeModel vae = inputs.get("vae", VaeModel.class);
        Tensor pixels = inputs.get("pixels", Tensor.class);
        Tensor mask = inputs.get("mask", Tensor.class);
        int height = pixels.dim(1), width = pixels.dim(2);
        int mh = mask.dim(-2), mw = mask.dim(-1);
        mask = Resize.resize(mask.reshape(mask.size() / (mh * mw), mh, mw), width, height, ResizeMethod.BILINEAR, CropMode.DISABLED);
        PixelCrop.Kept kept = PixelCrop.Kept.of(height, width, vae.downscale());
        if (kept.cuts(height, width)) {
            pixels = kept.of(pixels);
            mask = kept.of(mask);
        }
        int grow = inputs.getInt("grow_mask_by");
        Tensor grown = grow == 0 ? mask : MaskGrowth.grow(mask, grow);
        Tensor noiseMask = grown.map(Math::rint);
        Tensor encoded = vae.encode(greyed(pixels, mask));
        return NodeResult.of(Latent.of(encoded).withNoiseMask(noiseMask.reshape(noiseMask.dim(0), 1, kept.height(), kept.width())));
    }

    /** RGB moved to 0.5 where the rounded mask is 1; other channels (alpha) untouched. */
    private static Tensor greyed(Tensor pixels, Tensor mask) {
        int b = pixels.dim(0), plane = pixels.dim(1) * pixels.dim(2), c = pixels.dim(3);
        int masks = mask.dim(0);
        if (masks != 1 && masks != b) {
            throw new IllegalArgumentException("a batch of " + masks + " masks cannot be applied to " + b + " images");
        }
        float[] src = pixels.data(), m = mask.data(), out = src.clone();
        for (int n = 0; n < b; n++) {
            int maskBase = (masks == 1 ? 0 : n) * plane;
            for (int p = 0; p < plane; p++) {
                float keep = 1f - (float) Math.rint(m[maskBase + p]);
                int at = (n * plane + p) * c;
                for (int ch = 0; ch < Math.min(3, c); ch++) out[at + ch] = (src[at + ch] - 0.5f) * keep + 0.5f;
            }
        }
        return Tensor.of(out, pixels.shape());
    }
}
