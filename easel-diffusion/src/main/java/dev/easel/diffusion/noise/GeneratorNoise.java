package dev.easel.diffusion.noise;

import dev.easel.diffusion.sample.NoiseSource;
import dev.easel.tensor.Tensor;

/**
 * The noise of ancestral samplers as ComfyUI draws it on the CPU ({@code default_noise_sampler}):
 * one torch generator seeded once with the run's seed, and each call a fresh
 * {@code torch.randn(shape)} from it. Not thread-safe, like the sampler loop it serves.
 */
public final class GeneratorNoise implements NoiseSource {
    private final TorchGenerator generator;

    public GeneratorNoise(long seed) {
        this.generator = new TorchGenerator(seed);
    }

    @Override
    public Tensor next(int[] shape) {
        return generator.randn(shape);
    }
}
