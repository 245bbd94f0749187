package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/**
 * DPM-Solver-2 in Karras form: the derivative is re-evaluated at the log-midpoint of σ_i and
 * σ_{i+1}. The last step is Euler, which is why KSampler drops the penultimate sigma for it.
 */
final class Dpm2 implements SamplerAlgorithm {

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        for (int i = 0; i < sigmas.length - 1; i++) {
            Tensor denoised = model.denoise(x, sigmas[i]);
            Tensor d = Arith.derivative(x, denoised, sigmas[i]);
            Steps.report(ctx, sigmas, i, x, denoised);
            if (sigmas[i + 1] == 0) {
                x = Arith.plus(x, d, sigmas[i + 1] - sigmas[i]);
            } else {
                double mid = logMidpoint(sigmas[i], sigmas[i + 1]);
                Tensor x2 = Arith.plus(x, d, mid - sigmas[i]);
                Tensor d2 = Arith.derivative(x2, model.denoise(x2, mid), mid);
                x = Arith.plus(x, d2, sigmas[i + 1] - sigmas[i]);
            }
        }
        return x;
    }

    static double logMidpoint(double a, double b) {
        double la = Math.log(a);
        return Math.exp(la + 0.5 * (Math.log(b) - la));
    }
}
