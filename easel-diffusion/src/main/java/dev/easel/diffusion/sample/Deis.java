package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * DEIS (arXiv 2204.13902), the exponential-integrator multistep method, order up to 3 in its
 * "tab" form, on the σ-ODE derivatives; the first step and the step to σ = 0 are Euler.
 */
final class Deis implements SamplerAlgorithm {
    private static final int MAX_ORDER = 3;

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        double[][] coefficients = DeisCoefficients.of(sigmas, MAX_ORDER);
        List<Tensor> history = new ArrayList<>();
        for (int i = 0; i < sigmas.length - 1; i++) {
            double t = sigmas[i], tNext = sigmas[i + 1];
            Tensor denoised = model.denoise(x, t);
            Steps.report(ctx, sigmas, i, x, denoised);
            Tensor d = Arith.derivative(x, denoised, t);
            int order = tNext <= 0 ? 1 : Math.min(MAX_ORDER, i + 1);
            Tensor next;
            if (order == 1) {
                next = Arith.plus(x, d, tNext - t);
            } else {
                double[] c = coefficients[i];
                next = Arith.plus(x, d, c[0]);
                for (int j = 1; j < order; j++) next = Arith.plus(next, history.get(history.size() - j), c[j]);
            }
            if (history.size() == MAX_ORDER - 1) history.remove(0);
            history.add(d);
            x = next;
        }
        return x;
    }
}
