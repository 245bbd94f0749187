package dev.easel.bench.steps;

import dev.easel.diffusion.cond.Conditioning;
import dev.easel.diffusion.cond.ConditioningEntry;
import dev.easel.diffusion.noise.GeneratorNoise;
import dev.easel.tensor.Tensor;

import java.util.Optional;

/** The inputs of the step benchmarks: a 4×64×64 latent (batch 1), as a 512×512 image has, and SD1.5-shaped text. */
final class Latents {
    static final int CHANNELS = 4, SIZE = 64;
    /** CLIP-L's 77 tokens of width 768. */
    static final int TOKENS = 77, WIDTH = 768;

    private Latents() {
    }

    /** Seeded unit Gaussian noise of the latent's shape. */
    static Tensor noise(long seed) {
        return new GeneratorNoise(seed).next(new int[]{1, CHANNELS, SIZE, SIZE});
    }

    /** One entry of text hidden states, seeded so positive and negative differ. */
    static Conditioning text(long seed) {
        Tensor hidden = new GeneratorNoise(seed).next(new int[]{1, TOKENS, WIDTH});
        return Conditioning.of(ConditioningEntry.of(hidden, Optional.empty()));
    }
}
