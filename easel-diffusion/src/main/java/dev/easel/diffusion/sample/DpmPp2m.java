package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/** DPM-Solver++(2M): second-order multistep in t = −ln σ, first order on the first and the last step. */
final class DpmPp2m implements SamplerAlgorithm {

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        Tensor old = null;
        for (int i = 0; i < sigmas.length - 1; i++) {
            Tensor denoised = model.denoise(x, sigmas[i]);
            Steps.report(ctx, sigmas, i, x, denoised);
            double t = -Math.log(sigmas[i]), tNext = -Math.log(sigmas[i + 1]), h = tNext - t;
            double ratio = Math.exp(-tNext) / Math.exp(-t);
            if (old == null || sigmas[i + 1] == 0) {
                x = Arith.combine(ratio, x, -Math.expm1(-h), denoised);
            } else {
                double r = (t + Math.log(sigmas[i - 1])) / h;
                Tensor blend = Arith.combine(1 + 1 / (2 * r), denoised, -(1 / (2 * r)), old);
                x = Arith.combine(ratio, x, -Math.expm1(-h), blend);
            }
            old = denoised;
        }
        return x;
    }
}
