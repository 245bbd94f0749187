package dev.easel.diffusion.cond;

import dev.easel.tensor.Tensor;

import java.util.Optional;

/**
 * One conditioning of a CONDITIONING value: the text encoder's hidden states
 * ({@code [1, tokens, dim]}), its pooled output when the model family uses one ({@code [1, dim]},
 * SDXL), and how it is applied: strength, and an optional area of the latent it is limited to.
 * {@code sizes} carries SDXL's size conditioning when a node set it; otherwise the model derives it
 * from the latent.
 */
public record ConditioningEntry(Tensor crossAttn, Optional<Tensor> pooled, double strength,
                                Optional<Area> area, Optional<SizeConditioning> sizes) {

    public static ConditioningEntry of(Tensor crossAttn, Optional<Tensor> pooled) {
        return new ConditioningEntry(crossAttn, pooled, 1.0, Optional.empty(), Optional.empty());
    }

    public ConditioningEntry withArea(Area area, double strength) {
        return new ConditioningEntry(crossAttn, pooled, strength, Optional.of(area), sizes);
    }

    public ConditioningEntry withTensors(Tensor crossAttn, Optional<Tensor> pooled) {
        return new ConditioningEntry(crossAttn, pooled, strength, area, sizes);
    }

    /** SDXL's micro-conditioning, in image pixels. */
    public record SizeConditioning(int width, int height, int cropW, int cropH, int targetWidth, int targetHeight) {
    }
}
