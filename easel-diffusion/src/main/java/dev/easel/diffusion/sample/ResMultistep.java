package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/**
 * The second-order multistep exponential integrator of arXiv 2308.02157 (RES), optionally
 * ancestral (eta 1) and optionally CFG++ (history and step on the unconditional estimate, the
 * guidance added to x first), for σ-space models.
 */
final class ResMultistep implements SamplerAlgorithm {
    private final double eta;
    private final boolean cfgPp;

    ResMultistep(double eta, boolean cfgPp) {
        this.eta = eta;
        this.cfgPp = cfgPp;
    }

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        Tensor old = null;
        double oldDown = Double.NaN;
        for (int i = 0; i < sigmas.length - 1; i++) {
            Prediction p = model.predict(x, sigmas[i]);
            Tensor denoised = p.denoised(), uncond = p.unconditional();
            AncestralStep step = AncestralStep.of(sigmas[i], sigmas[i + 1], eta);
            Steps.report(ctx, sigmas, i, x, denoised);
            if (step.down() == 0 || old == null) {
                if (cfgPp) {
                    x = Arith.plus(denoised, Arith.derivative(x, uncond, sigmas[i]), step.down());
                } else {
                    x = Arith.plus(x, Arith.derivative(x, denoised, sigmas[i]), step.down() - sigmas[i]);
                }
            } else {
                double t = -Math.log(sigmas[i]), tOld = -Math.log(oldDown);
                double tNext = -Math.log(step.down()), tPrev = -Math.log(sigmas[i - 1]);
                double h = tNext - t, c2 = (tPrev - tOld) / h;
                double phi1 = Math.expm1(-h) / -h, phi2 = (phi1 - 1) / -h;
                double b1 = finite(phi1 - phi2 / c2), b2 = finite(phi2 / c2);
                Tensor current = denoised;
                if (cfgPp) {
                    x = Arith.plus(x, Arith.minus(denoised, uncond), 1);
                    current = uncond;
                }
                x = Arith.plus(Arith.scale(x, Math.exp(-h)), Arith.combine(b1, current, b2, old), h);
            }
            if (sigmas[i + 1] > 0 && step.up() != 0) x = Arith.plus(x, Steps.noise(ctx, x), step.up());
            old = cfgPp ? uncond : denoised;
            oldDown = step.down();
        }
        return x;
    }

    /** torch.nan_to_num(nan=0): NaN to 0, infinities to the largest finite float. */
    private static double finite(double v) {
        if (Double.isNaN(v)) return 0;
        if (Double.isInfinite(v)) return v > 0 ? Float.MAX_VALUE : -Float.MAX_VALUE;
        return v;
    }
}
