package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/**
 * One denoiser evaluation: the guided estimate, and the unconditional one that CFG++ samplers
 * renoise with (the same tensor when there is no guidance).
 */
public record Prediction(Tensor denoised, Tensor unconditional) {

    public static Prediction unguided(Tensor denoised) {
        return new Prediction(denoised, denoised);
    }
}
