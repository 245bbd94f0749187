package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/**
 * Euler steps down to σ_down, then fresh noise up to σ_next (eta 1, s_noise 1). ComfyUI
 * switches flow models to a rectified-flow variant; that variant is not implemented here.
 */
final class EulerAncestral implements SamplerAlgorithm {
    private static final double ETA = 1.0;

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        for (int i = 0; i < sigmas.length - 1; i++) {
            Tensor denoised = model.denoise(x, sigmas[i]);
            AncestralStep step = AncestralStep.of(sigmas[i], sigmas[i + 1], ETA);
            Steps.report(ctx, sigmas, i, x, denoised);
            if (step.down() == 0) {
                x = denoised;
            } else {
                Tensor d = Arith.derivative(x, denoised, sigmas[i]);
                x = Arith.plus(x, d, step.down() - sigmas[i]);
                x = Arith.plus(x, Steps.noise(ctx, x), step.up());
            }
        }
        return x;
    }
}
