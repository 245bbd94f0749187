package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/**
 * Latent-consistency sampling: jump to the denoised estimate, then renoise it to the next σ.
 * The renoising is {@code x₀ + σ·n}, ComfyUI's noise scaling for ε/v models (flow models
 * renoise differently and are not covered here).
 */
final class Lcm implements SamplerAlgorithm {

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        for (int i = 0; i < sigmas.length - 1; i++) {
            Tensor denoised = model.denoise(x, sigmas[i]);
            Steps.report(ctx, sigmas, i, x, denoised);
            x = denoised;
            if (sigmas[i + 1] > 0) x = Arith.plus(x, Steps.noise(ctx, x), sigmas[i + 1]);
        }
        return x;
    }
}
