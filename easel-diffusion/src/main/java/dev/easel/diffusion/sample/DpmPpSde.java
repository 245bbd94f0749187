package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/**
 * DPM-Solver++ SDE, the two-stage stochastic solver (eta 1, s_noise 1, r ½), for σ-space models.
 * ComfyUI draws its noise from a seeded torchsde Brownian tree, and the two stages of a step ask
 * it for overlapping intervals, [σ_s, σ_i] and [σ_{i+1}, σ_i], so their noises are correlated.
 * Here the two normalised increments are built from two independent draws of the context's noise
 * source with exactly that joint distribution: statistically equivalent, not bit-identical.
 * {@code dpmpp_sde_gpu} differs in ComfyUI only by where that tree lives.
 */
final class DpmPpSde implements SamplerAlgorithm {
    private static final double ETA = 1.0, S_NOISE = 1.0, R = 0.5;

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        for (int i = 0; i < sigmas.length - 1; i++) {
            Tensor denoised = model.denoise(x, sigmas[i]);
            Steps.report(ctx, sigmas, i, x, denoised);
            if (sigmas[i + 1] == 0) {
                x = denoised;
                continue;
            }
            double lambdaS = -Math.log(sigmas[i]), lambdaT = -Math.log(sigmas[i + 1]);
            double h = lambdaT - lambdaS, lambdaS1 = lambdaS + R * h, fac = 1 / (2 * R);
            double sigmaS1 = Math.exp(-lambdaS1);
            double alphaS = sigmas[i] * Math.exp(lambdaS), alphaS1 = sigmaS1 * Math.exp(lambdaS1);
            double alphaT = sigmas[i + 1] * Math.exp(lambdaT);

            AncestralStep first = AncestralStep.of(Math.exp(-lambdaS), Math.exp(-lambdaS1), ETA);
            double h1 = -Math.log(first.down()) - lambdaS;
            Tensor x2 = Arith.combine(alphaS1 / alphaS * Math.exp(-h1), x, -alphaS1 * Math.expm1(-h1), denoised);
            Tensor inner = Steps.noise(ctx, x), rest = Steps.noise(ctx, x);
            x2 = Arith.plus(x2, inner, alphaS1 * S_NOISE * first.up());
            Tensor denoised2 = model.denoise(x2, sigmaS1);

            AncestralStep second = AncestralStep.of(Math.exp(-lambdaS), Math.exp(-lambdaT), ETA);
            double h2 = -Math.log(second.down()) - lambdaS;
            Tensor blend = Arith.combine(1 - fac, denoised, fac, denoised2);
            x = Arith.combine(alphaT / alphaS * Math.exp(-h2), x, -alphaT * Math.expm1(-h2), blend);
            x = Arith.plus(x, wholeInterval(inner, rest, sigmas[i], sigmaS1, sigmas[i + 1]), alphaT * S_NOISE * second.up());
        }
        return x;
    }

    /**
     * (W(σ_next) − W(σ))/√(σ − σ_next) given the normalised increment over [σ_s, σ] and an
     * independent one over [σ_next, σ_s], as a Brownian motion relates them.
     */
    private static Tensor wholeInterval(Tensor inner, Tensor rest, double sigma, double sigmaS, double sigmaNext) {
        double whole = Math.sqrt(sigma - sigmaNext);
        return Arith.combine(Math.sqrt(sigma - sigmaS) / whole, inner, Math.sqrt(sigmaS - sigmaNext) / whole, rest);
    }
}
