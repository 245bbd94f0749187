package dev.easel.diffusion.sample;

import dev.easel.diffusion.model.DiscreteSampling;
import dev.easel.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * SA-Solver, the stochastic Adams predictor (order 3) – corrector (order 4) of arXiv 2309.05019,
 * in data prediction for σ-space models, optionally re-evaluating the corrected state (PECE).
 * Noise (τ = 1) is injected only while σ lies between the σ of 20 % and of 80 % of the
 * schedule; ComfyUI takes those from the model's sampling, here they are those of the
 * scaled-linear discrete schedule that SD1.x, SD2.x and SDXL share.
 */
final class SaSolver implements SamplerAlgorithm {
    private static final int PREDICTOR_ORDER = 3, CORRECTOR_ORDER = 4;
    private static final double S_NOISE = 1.0, ETA = 1.0;

    private final boolean pece;
    private final double tauStart, tauEnd;

    SaSolver(boolean pece, double tauStart, double tauEnd) {
        this.pece = pece;
        this.tauStart = tauStart;
        this.tauEnd = tauEnd;
    }

    /** The noise interval ComfyUI uses for discrete models: {@code percent_to_sigma(0.2)} to {@code (0.8)}. */
    static SaSolver forDiscreteModels(boolean pece) {
        DiscreteSampling sampling = DiscreteSampling.eps();
        return new SaSolver(pece, sampling.sigma((1.0 - 0.2) * 999.0), sampling.sigma((1.0 - 0.8) * 999.0));
    }

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        if (sigmas.length <= 1) return x;
        double[] lambdas = new double[sigmas.length];
        for (int i = 0; i < sigmas.length; i++) lambdas[i] = -Math.log(sigmas[i]);
        Tensor xPred = x, noise = null;
        double h = 0, tau = 0;
        List<Tensor> predictions = new ArrayList<>();
        boolean lowerOrderToEnd = sigmas[sigmas.length - 1] == 0;
        for (int i = 0; i < sigmas.length - 1; i++) {
            Tensor denoised = model.denoise(xPred, sigmas[i]);
            Steps.report(ctx, sigmas, i, xPred, denoised);
            predictions.add(denoised);
            if (predictions.size() > CORRECTOR_ORDER) predictions.remove(0);
            int predictorOrder = Math.min(PREDICTOR_ORDER, predictions.size());
            int correctorOrder = i == 0 || (sigmas[i + 1] == 0 && !pece) ? 0 : Math.min(CORRECTOR_ORDER, predictions.size());
            if (lowerOrderToEnd) {
                predictorOrder = Math.min(predictorOrder, sigmas.length - 2 - i);
                correctorOrder = Math.min(correctorOrder, sigmas.length - 1 - i);
            }
            if (correctorOrder == 0) {
                x = xPred;
            } else {
                double[] b = StochasticAdams.coefficients(sigmas[i], slice(lambdas, i - correctorOrder + 1, i + 1),
                        lambdas[i - 1], lambdas[i], tau);
                Tensor result = weighted(predictions, b);
                x = Arith.plus(Arith.scale(x, sigmas[i] / sigmas[i - 1] * Math.exp(-(tau * tau) * h)), result, 1);
                if (tau > 0 && S_NOISE > 0) x = Arith.plus(x, noise, 1);
                if (pece) {
                    denoised = model.denoise(x, sigmas[i]);
                    predictions.set(predictions.size() - 1, denoised);
                }
            }
            if (sigmas[i + 1] == 0) {
                xPred = denoised;
            } else {
                tau = tauAt(sigmas[i + 1]);
                double[] b = StochasticAdams.coefficients(sigmas[i + 1], slice(lambdas, i - predictorOrder + 1, i + 1),
                        lambdas[i], lambdas[i + 1], tau);
                Tensor result = weighted(predictions, b);
                h = lambdas[i + 1] - lambdas[i];
                xPred = Arith.plus(Arith.scale(x, sigmas[i + 1] / sigmas[i] * Math.exp(-(tau * tau) * h)), result, 1);
                if (tau > 0 && S_NOISE > 0) {
                    noise = Arith.scale(Steps.noise(ctx, x), sigmas[i + 1] * Math.sqrt(-Math.expm1(-2 * tau * tau * h)) * S_NOISE);
                    xPred = Arith.plus(xPred, noise, 1);
                }
            }
        }
        return xPred;
    }

    private double tauAt(double sigma) {
        return tauStart >= sigma && sigma >= tauEnd ? ETA : 0.0;
    }

    /** Σ_k b_k·P_k over the last b.length predictions, oldest first. */
    private static Tensor weighted(List<Tensor> predictions, double[] b) {
        int first = predictions.size() - b.length;
        Tensor sum = Arith.scale(predictions.get(first), b[0]);
        for (int k = 1; k < b.length; k++) sum = Arith.plus(sum, predictions.get(first + k), b[k]);
        return sum;
    }

    private static double[] slice(double[] values, int from, int to) {
        return java.util.Arrays.copyOfRange(values, from, to);
    }
}
