package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/**
 * DPM-Solver++(2M) SDE (eta 1, s_noise 1) with ComfyUI's midpoint or Heun correction of the
 * second-order term, for σ-space models. ComfyUI draws its noise from a seeded torchsde Brownian
 * tree; here it comes from the context's noise source: statistically equivalent, not
 * bit-identical. The {@code _gpu} names differ in ComfyUI only by where that tree lives.
 */
final class DpmPp2mSde implements SamplerAlgorithm {
    private static final double ETA = 1.0, S_NOISE = 1.0;

    enum Correction { MIDPOINT, HEUN }

    private final Correction correction;

    DpmPp2mSde(Correction correction) {
        this.correction = correction;
    }

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        Tensor old = null;
        double hLast = Double.NaN;
        for (int i = 0; i < sigmas.length - 1; i++) {
            Tensor denoised = model.denoise(x, sigmas[i]);
            Steps.report(ctx, sigmas, i, x, denoised);
            double h = hLast;
            if (sigmas[i + 1] == 0) {
                x = denoised;
            } else {
                double lambdaS = -Math.log(sigmas[i]), lambdaT = -Math.log(sigmas[i + 1]);
                h = lambdaT - lambdaS;
                double hEta = h * (ETA + 1), alphaT = sigmas[i + 1] * Math.exp(lambdaT);
                double phi1 = -Math.expm1(-hEta);
                x = Arith.combine(sigmas[i + 1] / sigmas[i] * Math.exp(-h * ETA), x, alphaT * phi1, denoised);
                if (old != null) {
                    double r = hLast / h;
                    double coefficient = correction == Correction.HEUN
                            ? alphaT * (phi1 / -hEta + 1) * (1 / r)
                            : 0.5 * alphaT * phi1 * (1 / r);
                    x = Arith.plus(x, Arith.minus(denoised, old), coefficient);
                }
                x = Arith.plus(x, Steps.noise(ctx, x), sigmas[i + 1] * Math.sqrt(-Math.expm1(-2 * h * ETA)) * S_NOISE);
            }
            old = denoised;
            hLast = h;
        }
        return x;
    }
}
