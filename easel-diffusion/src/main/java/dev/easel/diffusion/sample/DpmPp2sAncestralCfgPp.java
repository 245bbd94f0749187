package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/**
 * CFG++ DPM-Solver++(2S) ancestral: the solver runs on the unconditional estimates (the second
 * one from the midpoint evaluation), and the guidance of the step's first evaluation is added
 * back at the end, as ComfyUI does for σ-space models.
 */
final class DpmPp2sAncestralCfgPp implements SamplerAlgorithm {
    private static final double ETA = 1.0;

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        for (int i = 0; i < sigmas.length - 1; i++) {
            Prediction p = model.predict(x, sigmas[i]);
            Tensor guidance = Arith.minus(p.denoised(), p.unconditional());
            AncestralStep step = AncestralStep.of(sigmas[i], sigmas[i + 1], ETA);
            Steps.report(ctx, sigmas, i, x, p.denoised());
            if (step.down() == 0) {
                Tensor d = Arith.derivative(x, p.unconditional(), sigmas[i]);
                x = Arith.plus(x, d, step.down() - sigmas[i]);
            } else {
                double t = -Math.log(sigmas[i]), tNext = -Math.log(step.down());
                double h = tNext - t, s = t + 0.5 * h;
                Tensor x2 = Arith.combine(Math.exp(-s) / Math.exp(-t), x, -Math.expm1(-h * 0.5), p.unconditional());
                Tensor uncond2 = model.predict(x2, Math.exp(-s)).unconditional();
                x = Arith.combine(Math.exp(-tNext) / Math.exp(-t), x, -Math.expm1(-h), uncond2);
            }
            if (sigmas[i + 1] > 0) x = Arith.plus(x, Steps.noise(ctx, x), step.up());
            x = Arith.plus(x, guidance, 1);
        }
        return x;
    }
}
