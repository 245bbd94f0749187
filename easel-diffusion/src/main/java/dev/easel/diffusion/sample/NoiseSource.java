package dev.easel.diffusion.sample;

/**
 * Fresh standard Gaussian noise for ancestral and SDE samplers, one draw per call. ComfyUI draws
 * it from a torch generator seeded with the prompt's seed; tests may use any Gaussian source.
 */
@FunctionalInterface
public interface NoiseSource {

    /** A new tensor of N(0, 1) samples with this shape. */
    dev.easel.tensor.Tensor next(int[] shape);
}
