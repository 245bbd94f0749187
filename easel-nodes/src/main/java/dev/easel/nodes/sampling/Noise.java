package dev.easel.nodes.sampling;

import dev.easel.diffusion.latent.Latent;
import dev.easel.diffusion.noise.LatentNoise;
import dev.easel.tensor.Tensor;

/**
 * ComfyUI's NOISE value: what a custom sampler starts from, made for the latent it is given (its
 * shape and batch indices), plus the seed the sampler's own noise is drawn from.
 */
public sealed interface Noise {

    long seed();

    Tensor generate(Latent latent);

    /** {@code RandomNoise}: the seed's Gaussian noise, per batch index as KSampler draws it. */
    record Random(long seed) implements Noise {
        @Override
        public Tensor generate(Latent latent) {
            return LatentNoise.prepare(seed, latent.samples().shape(), latent.batchIndex());
        }
    }

    /** {@code DisableNoise}: zeros, so sampling starts from the latent as it is (seed 0, as ComfyUI's). */
    record Disabled() implements Noise {
        @Override
        public long seed() {
            return 0;
        }

        @Override
        public Tensor generate(Latent latent) {
            return Tensor.zeros(latent.samples().shape());
        }
    }
}
