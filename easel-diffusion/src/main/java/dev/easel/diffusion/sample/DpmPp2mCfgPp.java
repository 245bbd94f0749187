package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/** CFG++ DPM-Solver++(2M): the multistep history and the renoising use the unconditional estimates. */
final class DpmPp2mCfgPp implements SamplerAlgorithm {

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        Tensor oldUncond = null;
        for (int i = 0; i < sigmas.length - 1; i++) {
            Prediction p = model.predict(x, sigmas[i]);
            Steps.report(ctx, sigmas, i, x, p.denoised());
            double t = -Math.log(sigmas[i]), tNext = -Math.log(sigmas[i + 1]), h = tNext - t;
            Tensor mix = Arith.scale(p.unconditional(), -Math.exp(-h));
            if (oldUncond != null && sigmas[i + 1] != 0) {
                double r = (t + Math.log(sigmas[i - 1])) / h;
                mix = Arith.plus(mix, Arith.minus(p.denoised(), oldUncond), -Math.expm1(-h) * (1 / (2 * r)));
            }
            x = Arith.plus(Arith.plus(p.denoised(), mix, 1), x, Math.exp(-h));
            oldUncond = p.unconditional();
        }
        return x;
    }
}
