package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/** Euler steps on the probability-flow ODE (Karras et al. 2022, algorithm 2 without churn, ComfyUI's default). */
final class Euler implements SamplerAlgorithm {

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        for (int i = 0; i < sigmas.length - 1; i++) {
            Tensor denoised = model.denoise(x, sigmas[i]);
            Tensor d = Arith.derivative(x, denoised, sigmas[i]);
            Steps.report(ctx, sigmas, i, x, denoised);
            x = Arith.plus(x, d, sigmas[i + 1] - sigmas[i]);
        }
        return x;
    }
}
