package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/**
 * DPM-Solver-2 down to σ_down, then fresh noise up to σ_next (eta 1). ComfyUI's rectified-flow
 * variant for flow models is not implemented.
 */
final class Dpm2Ancestral implements SamplerAlgorithm {
    private static final double ETA = 1.0;

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        for (int i = 0; i < sigmas.length - 1; i++) {
            Tensor denoised = model.denoise(x, sigmas[i]);
            AncestralStep step = AncestralStep.of(sigmas[i], sigmas[i + 1], ETA);
            Steps.report(ctx, sigmas, i, x, denoised);
            Tensor d = Arith.derivative(x, denoised, sigmas[i]);
            if (step.down() == 0) {
                x = Arith.plus(x, d, step.down() - sigmas[i]);
            } else {
                double mid = Dpm2.logMidpoint(sigmas[i], step.down());
                Tensor x2 = Arith.plus(x, d, mid - sigmas[i]);
                Tensor d2 = Arith.derivative(x2, model.denoise(x2, mid), mid);
                x = Arith.plus(x, d2, step.down() - sigmas[i]);
                x = Arith.plus(x, Steps.noise(ctx, x), step.up());
            }
        }
        return x;
    }
}
