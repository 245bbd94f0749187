package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/**
 * Heun++ (ComfyUI's heunpp2): up to three derivative evaluations per step, at σ_i, σ_{i+1} and
 * σ_{i+2}, weighted by their σ relative to σ₀; Heun on the next-to-last step, Euler on the last.
 */
final class HeunPlusPlus implements SamplerAlgorithm {

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        double end = sigmas[sigmas.length - 1];
        for (int i = 0; i < sigmas.length - 1; i++) {
            Tensor denoised = model.denoise(x, sigmas[i]);
            Tensor d = Arith.derivative(x, denoised, sigmas[i]);
            Steps.report(ctx, sigmas, i, x, denoised);
            double dt = sigmas[i + 1] - sigmas[i];
            if (sigmas[i + 1] == end) {
                x = Arith.plus(x, d, dt);
                continue;
            }
            Tensor x2 = Arith.plus(x, d, dt);
            Tensor d2 = Arith.derivative(x2, model.denoise(x2, sigmas[i + 1]), sigmas[i + 1]);
            Tensor slope;
            if (sigmas[i + 2] == end) {
                double w2 = sigmas[i + 1] / (2 * sigmas[0]);
                slope = Arith.combine(1 - w2, d, w2, d2);
            } else {
                Tensor x3 = Arith.plus(x2, d2, sigmas[i + 2] - sigmas[i + 1]);
                Tensor d3 = Arith.derivative(x3, model.denoise(x3, sigmas[i + 2]), sigmas[i + 2]);
                double w = 3 * sigmas[0], w2 = sigmas[i + 1] / w, w3 = sigmas[i + 2] / w;
                slope = Arith.plus(Arith.combine(1 - w2 - w3, d, w2, d2), d3, w3);
            }
            x = Arith.plus(x, slope, dt);
        }
        return x;
    }
}
