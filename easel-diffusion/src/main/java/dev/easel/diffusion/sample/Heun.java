package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/** Heun's second-order method (Karras et al. 2022, algorithm 2 without churn); the step to σ = 0 is Euler. */
final class Heun implements SamplerAlgorithm {

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        for (int i = 0; i < sigmas.length - 1; i++) {
            Tensor denoised = model.denoise(x, sigmas[i]);
            Tensor d = Arith.derivative(x, denoised, sigmas[i]);
            Steps.report(ctx, sigmas, i, x, denoised);
            double dt = sigmas[i + 1] - sigmas[i];
            if (sigmas[i + 1] == 0) {
                x = Arith.plus(x, d, dt);
            } else {
                Tensor x2 = Arith.plus(x, d, dt);
                Tensor d2 = Arith.derivative(x2, model.denoise(x2, sigmas[i + 1]), sigmas[i + 1]);
                x = Arith.plus(x, Arith.plus(d, d2, 1).mul(0.5f), dt);
            }
        }
        return x;
    }
}
