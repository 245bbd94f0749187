package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/**
 * SEEDS-3 (arXiv 2305.14267), the three-stage stochastic exponential solver in data
 * prediction (r₁ = ⅓, r₂ = ⅔, eta 1, s_noise 1), for σ-space models. The noise of the stages is
 * chained as in ComfyUI, so one step draws three tensors.
 */
final class Seeds3 implements SamplerAlgorithm {
    private static final double ETA = 1.0, S_NOISE = 1.0, R1 = 1. / 3, R2 = 2. / 3;

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
            double h = lambdaT - lambdaS, hEta = h * (ETA + 1);
            double lambdaS1 = lambdaS + R1 * h, lambdaS2 = lambdaS + R2 * h;
            double sigmaS1 = Math.exp(-lambdaS1), sigmaS2 = Math.exp(-lambdaS2);
            double alphaS1 = sigmaS1 * Math.exp(lambdaS1), alphaS2 = sigmaS2 * Math.exp(lambdaS2);
            double alphaT = sigmas[i + 1] * Math.exp(lambdaT);

            Tensor x2 = Arith.combine(sigmaS1 / sigmas[i] * Math.exp(-R1 * h * ETA), x,
                    -alphaS1 * Exponential.hPhi1(-R1 * hEta), denoised);
            Tensor sdeNoise = Arith.scale(Steps.noise(ctx, x), Math.sqrt(-Math.expm1(-2 * R1 * h * ETA)));
            x2 = Arith.plus(x2, sdeNoise, sigmaS1 * S_NOISE);
            Tensor denoised2 = model.denoise(x2, sigmaS1);

            double a32 = R2 / R1 * Exponential.hPhi2(-R2 * hEta), a31 = Exponential.hPhi1(-R2 * hEta) - a32;
            Tensor x3 = Arith.combine(sigmaS2 / sigmas[i] * Math.exp(-R2 * h * ETA), x,
                    -alphaS2, Arith.combine(a31, denoised, a32, denoised2));
            sdeNoise = chain(ctx, x, sdeNoise, (R1 - R2) * h * ETA);
            x3 = Arith.plus(x3, sdeNoise, sigmaS2 * S_NOISE);
            Tensor denoised3 = model.denoise(x3, sigmaS2);

            double b3 = Exponential.hPhi2(-hEta) / R2, b1 = Exponential.hPhi1(-hEta) - b3;
            x = Arith.combine(sigmas[i + 1] / sigmas[i] * Math.exp(-h * ETA), x,
                    -alphaT, Arith.combine(b1, denoised, b3, denoised3));
            sdeNoise = chain(ctx, x, sdeNoise, (R2 - 1) * h * ETA);
            x = Arith.plus(x, sdeNoise, sigmas[i + 1] * S_NOISE);
        }
        return x;
    }

    /** The noise of the previous stage decayed over the segment, plus fresh noise for what it lacks. */
    private static Tensor chain(SamplingContext ctx, Tensor like, Tensor previous, double segment) {
        return Arith.plus(Arith.scale(previous, Math.exp(segment)), Steps.noise(ctx, like), Math.sqrt(-Math.expm1(2 * segment)));
    }
}
