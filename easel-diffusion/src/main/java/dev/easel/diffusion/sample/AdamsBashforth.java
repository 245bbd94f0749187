package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The iPNDM family: Adams–Bashforth on the σ-ODE, x' = x + slope·(σ' − σ), where the slope
 * combines this step's derivative with up to three earlier ones (order = steps so far, at most 4);
 * the last step to σ = 0 lands on the x₀ estimate. Subclasses give the slope's coefficients.
 */
abstract class AdamsBashforth implements SamplerAlgorithm {
    static final int MAX_ORDER = 4;

    /**
     * The slope of order 2 to 4 at step {@code i}: {@code d} is this step's derivative,
     * {@code history} the earlier ones, newest last.
     */
    abstract Tensor slope(int order, double[] sigmas, int i, Tensor d, List<Tensor> history);

    @Override
    public final Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        List<Tensor> history = new ArrayList<>();
        for (int i = 0; i < sigmas.length - 1; i++) {
            double t = sigmas[i], tNext = sigmas[i + 1];
            Tensor denoised = model.denoise(x, t);
            Steps.report(ctx, sigmas, i, x, denoised);
            Tensor d = Arith.derivative(x, denoised, t);
            int order = Math.min(MAX_ORDER, i + 1);
            Tensor next;
            if (tNext == 0) {
                next = denoised;
            } else {
                next = Arith.plus(x, order == 1 ? d : slope(order, sigmas, i, d, history), tNext - t);
            }
            if (history.size() == MAX_ORDER - 1) history.remove(0);
            history.add(d);
            x = next;
        }
        return x;
    }
}
