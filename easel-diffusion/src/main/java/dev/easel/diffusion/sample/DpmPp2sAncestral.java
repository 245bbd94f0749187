package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/**
 * DPM-Solver++(2S) in t = −ln σ down to σ_down, then fresh noise up to σ_next (eta 1). ComfyUI's
 * rectified-flow variant for flow models is not implemented.
 */
final class DpmPp2sAncestral implements SamplerAlgorithm {
    private static final double ETA = 1.0;

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        for (int i = 0; i < sigmas.length - 1; i++) {
            Tensor denoised = model.denoise(x, sigmas[i]);
            AncestralStep step = AncestralStep.of(sigmas[i], sigmas[i + 1], ETA);
            Steps.report(ctx, sigmas, i, x, denoised);
            if (step.down() == 0) {
                Tensor d = Arith.derivative(x, denoised, sigmas[i]);
                x = Arith.plus(x, d, step.down() - sigmas[i]);
            } else {
                double t = -Math.log(sigmas[i]), tNext = -Math.log(step.down());
                double h = tNext - t, s = t + 0.5 * h;
                Tensor x2 = Arith.combine(Math.exp(-s) / Math.exp(-t), x, -Math.expm1(-h * 0.5), denoised);
                Tensor denoised2 = model.denoise(x2, Math.exp(-s));
                x = Arith.combine(Math.exp(-tNext) / Math.exp(-t), x, -Math.expm1(-h), denoised2);
            }
            if (sigmas[i + 1] > 0) x = Arith.plus(x, Steps.noise(ctx, x), step.up());
        }
        return x;
    }
}
