package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Improved PNDM: Adams–Bashforth on the σ-ODE with the fixed coefficients of equal steps, up to
 * order 4, from zju-pi's diff-solvers as ComfyUI ships it.
 */
final class Ipndm implements SamplerAlgorithm {
    private static final int MAX_ORDER = 4;

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        List<Tensor> history = new ArrayList<>();
        for (int i = 0; i < sigmas.length - 1; i++) {
            double t = sigmas[i], tNext = sigmas[i + 1];
            Tensor denoised = model.denoise(x, t);
            Steps.report(ctx, sigmas, i, x, denoised);
            Tensor d = Arith.derivative(x, denoised, t);
            int order = Math.min(MAX_ORDER, i + 1);
            int n = history.size();
            Tensor next;
            if (tNext == 0) {
                next = denoised;
            } else if (order == 1) {
                next = Arith.plus(x, d, tNext - t);
            } else if (order == 2) {
                next = Arith.plus(x, Arith.scale(Arith.combine(3, d, -1, history.get(n - 1)), 1 / 2.0), tNext - t);
            } else if (order == 3) {
                Tensor sum = Arith.plus(Arith.combine(23, d, -16, history.get(n - 1)), history.get(n - 2), 5);
                next = Arith.plus(x, Arith.scale(sum, 1 / 12.0), tNext - t);
            } else {
                Tensor sum = Arith.plus(Arith.plus(Arith.combine(55, d, -59, history.get(n - 1)), history.get(n - 2), 37),
                        history.get(n - 3), -9);
                next = Arith.plus(x, Arith.scale(sum, 1 / 24.0), tNext - t);
            }
            if (history.size() == MAX_ORDER - 1) history.remove(0);
            history.add(d);
            x = next;
        }
        return x;
    }
}
