package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/**
 * SEEDS-2 (arXiv 2305.14267), the two-stage stochastic exponential solver in data prediction,
 * for σ-space models. With r = 1, eta 0 and no noise it is {@code exp_heun_2_x0}; with r = 1
 * and eta 1, {@code exp_heun_2_x0_sde}; with r = ½ and the φ₁ blend, {@code seeds_2}.
 */
final class Seeds2 implements SamplerAlgorithm {
    enum Blend { PHI_1, PHI_2 }

    private final double eta, sNoise, r;
    private final Blend blend;

    Seeds2(double eta, double sNoise, double r, Blend blend) {
        this.eta = eta;
        this.sNoise = sNoise;
        this.r = r;
        this.blend = blend;
    }

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        boolean inject = eta > 0 && sNoise > 0;
        for (int i = 0; i < sigmas.length - 1; i++) {
            Tensor denoised = model.denoise(x, sigmas[i]);
            Steps.report(ctx, sigmas, i, x, denoised);
            if (sigmas[i + 1] == 0) {
                x = denoised;
                continue;
            }
            double lambdaS = -Math.log(sigmas[i]), lambdaT = -Math.log(sigmas[i + 1]);
            double h = lambdaT - lambdaS, hEta = h * (eta + 1);
            double lambdaS1 = lambdaS + r * (lambdaT - lambdaS), sigmaS1 = Math.exp(-lambdaS1);
            double alphaS1 = sigmaS1 * Math.exp(lambdaS1), alphaT = sigmas[i + 1] * Math.exp(lambdaT);

            Tensor x2 = Arith.combine(sigmaS1 / sigmas[i] * Math.exp(-r * h * eta), x,
                    -alphaS1 * Math.expm1(-r * hEta), denoised);
            Tensor sdeNoise = null;
            if (inject) {
                sdeNoise = Arith.scale(Steps.noise(ctx, x), Math.sqrt(-Math.expm1(-2 * r * h * eta)));
                x2 = Arith.plus(x2, sdeNoise, sigmaS1 * sNoise);
            }
            Tensor denoised2 = model.denoise(x2, sigmaS1);

            double decay = sigmas[i + 1] / sigmas[i] * Math.exp(-h * eta);
            if (blend == Blend.PHI_1) {
                double fac = 1 / (2 * r);
                Tensor mixed = Arith.plus(denoised, Arith.minus(denoised2, denoised), fac);
                x = Arith.combine(decay, x, -alphaT * Math.expm1(-hEta), mixed);
            } else {
                double b2 = Exponential.hPhi2(-hEta) / r, b1 = Math.expm1(-hEta) - b2;
                x = Arith.combine(decay, x, -alphaT, Arith.combine(b1, denoised, b2, denoised2));
            }
            if (inject) {
                double segment = (r - 1) * h * eta;
                sdeNoise = Arith.plus(Arith.scale(sdeNoise, Math.exp(segment)), Steps.noise(ctx, x),
                        Math.sqrt(-Math.expm1(2 * segment)));
                x = Arith.plus(x, sdeNoise, sigmas[i + 1] * sNoise);
            }
        }
        return x;
    }
}
