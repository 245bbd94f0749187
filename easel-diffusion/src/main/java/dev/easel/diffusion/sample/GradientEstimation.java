package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/**
 * Euler with the gradient-estimation correction (γ = 2) of openreview o2ND9v0CeK: each step
 * adds (γ − 1)·(d − d_prev)·Δσ. The CFG++ form takes d from the unconditional estimate.
 */
final class GradientEstimation implements SamplerAlgorithm {
    private static final double GAMMA = 2.0;
    private final boolean cfgPp;

    GradientEstimation(boolean cfgPp) {
        this.cfgPp = cfgPp;
    }

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        Tensor oldD = null;
        for (int i = 0; i < sigmas.length - 1; i++) {
            Prediction p = model.predict(x, sigmas[i]);
            Tensor d = Arith.derivative(x, cfgPp ? p.unconditional() : p.denoised(), sigmas[i]);
            Steps.report(ctx, sigmas, i, x, p.denoised());
            double dt = sigmas[i + 1] - sigmas[i];
            if (sigmas[i + 1] == 0) {
                x = p.denoised();
            } else {
                x = cfgPp ? Arith.plus(p.denoised(), d, sigmas[i + 1]) : Arith.plus(x, d, dt);
                if (i >= 1) x = Arith.plus(x, Arith.scale(Arith.minus(d, oldD), GAMMA - 1), dt);
            }
            oldD = d;
        }
        return x;
    }
}
