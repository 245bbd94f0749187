package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/**
 * DPM-Solver++(3M) SDE (eta 1, s_noise 1) for σ-space models: third order once two earlier
 * estimates exist. ComfyUI draws its noise from a seeded torchsde Brownian tree; here it comes
 * from the context's noise source: statistically equivalent, not bit-identical.
 */
final class DpmPp3mSde implements SamplerAlgorithm {
    private static final double ETA = 1.0, S_NOISE = 1.0;

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        Tensor denoised1 = null, denoised2 = null;
        double h = Double.NaN, h1 = Double.NaN, h2 = Double.NaN;
        for (int i = 0; i < sigmas.length - 1; i++) {
            Tensor denoised = model.denoise(x, sigmas[i]);
            Steps.report(ctx, sigmas, i, x, denoised);
            if (sigmas[i + 1] == 0) {
                x = denoised;
            } else {
                double lambdaS = -Math.log(sigmas[i]), lambdaT = -Math.log(sigmas[i + 1]);
                h = lambdaT - lambdaS;
                double hEta = h * (ETA + 1), alphaT = sigmas[i + 1] * Math.exp(lambdaT);
                x = Arith.combine(sigmas[i + 1] / sigmas[i] * Math.exp(-h * ETA), x, alphaT * -Math.expm1(-hEta), denoised);
                double phi2 = Math.expm1(-hEta) / hEta + 1;
                if (!Double.isNaN(h2)) {
                    double r0 = h1 / h, r1 = h2 / h;
                    Tensor d10 = Arith.difference(denoised, denoised1, r0);
                    Tensor d11 = Arith.difference(denoised1, denoised2, r1);
                    Tensor spread = Arith.minus(d10, d11);
                    Tensor d1 = Arith.plus(d10, spread, r0 / (r0 + r1));
                    Tensor d2 = Arith.scale(spread, 1 / (r0 + r1));
                    double phi3 = phi2 / hEta - 0.5;
                    x = Arith.plus(Arith.plus(x, d1, alphaT * phi2), d2, -(alphaT * phi3));
                } else if (!Double.isNaN(h1)) {
                    Tensor d = Arith.difference(denoised, denoised1, h1 / h);
                    x = Arith.plus(x, d, alphaT * phi2);
                }
                x = Arith.plus(x, Steps.noise(ctx, x), sigmas[i + 1] * Math.sqrt(-Math.expm1(-2 * h * ETA)) * S_NOISE);
            }
            denoised2 = denoised1;
            denoised1 = denoised;
            h2 = h1;
            h1 = h;
        }
        return x;
    }
}
