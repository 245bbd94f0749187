package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/**
 * Ancestral DDPM steps, taken in the variance-preserving space: x is scaled by 1/√(1+σ²), the
 * DDPM posterior mean and noise applied, and the result scaled back.
 */
final class Ddpm implements SamplerAlgorithm {

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        for (int i = 0; i < sigmas.length - 1; i++) {
            double sigma = sigmas[i], sigmaPrev = sigmas[i + 1];
            Tensor denoised = model.denoise(x, sigma);
            Steps.report(ctx, sigmas, i, x, denoised);
            Tensor eps = Arith.derivative(x, denoised, sigma);
            Tensor vp = Arith.scale(x, 1 / Math.sqrt(1.0 + sigma * sigma));
            double alphaCumprod = 1 / (sigma * sigma + 1), alphaCumprodPrev = 1 / (sigmaPrev * sigmaPrev + 1);
            double alpha = alphaCumprod / alphaCumprodPrev;
            Tensor mu = Arith.scale(Arith.plus(vp, eps, -(1 - alpha) / Math.sqrt(1 - alphaCumprod)), Math.sqrt(1.0 / alpha));
            if (sigmaPrev > 0) {
                double spread = Math.sqrt((1 - alpha) * (1. - alphaCumprodPrev) / (1. - alphaCumprod));
                mu = Arith.plus(mu, Steps.noise(ctx, x), spread);
                mu = Arith.scale(mu, Math.sqrt(1.0 + sigmaPrev * sigmaPrev));
            }
            x = mu;
        }
        return x;
    }
}
