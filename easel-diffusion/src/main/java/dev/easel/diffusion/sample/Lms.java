package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Linear multistep (order 4) on the σ-ODE. The coefficients are integrals of Lagrange basis
 * polynomials of degree ≤ 3 over [σ_i, σ_{i+1}]; ComfyUI uses scipy's quad, 4-point
 * Gauss–Legendre is exact for them.
 */
final class Lms implements SamplerAlgorithm {
    private static final int ORDER = 4;
    private static final double[] NODES = {
            -Math.sqrt(3.0 / 7 + 2.0 / 7 * Math.sqrt(6.0 / 5)), -Math.sqrt(3.0 / 7 - 2.0 / 7 * Math.sqrt(6.0 / 5)),
            Math.sqrt(3.0 / 7 - 2.0 / 7 * Math.sqrt(6.0 / 5)), Math.sqrt(3.0 / 7 + 2.0 / 7 * Math.sqrt(6.0 / 5))};
    private static final double[] WEIGHTS = {
            (18 - Math.sqrt(30)) / 36, (18 + Math.sqrt(30)) / 36, (18 + Math.sqrt(30)) / 36, (18 - Math.sqrt(30)) / 36};

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        Deque<Tensor> ds = new ArrayDeque<>();
        for (int i = 0; i < sigmas.length - 1; i++) {
            Tensor denoised = model.denoise(x, sigmas[i]);
            ds.addFirst(Arith.derivative(x, denoised, sigmas[i]));
            if (ds.size() > ORDER) ds.removeLast();
            Steps.report(ctx, sigmas, i, x, denoised);
            if (sigmas[i + 1] == 0) {
                x = denoised;
                continue;
            }
            int order = Math.min(i + 1, ORDER);
            List<Tensor> recent = new ArrayList<>(ds);
            Tensor sum = Arith.scale(recent.get(0), coefficient(order, sigmas, i, 0));
            for (int j = 1; j < order; j++) sum = Arith.plus(sum, recent.get(j), coefficient(order, sigmas, i, j));
            x = Arith.plus(x, sum, 1);
        }
        return x;
    }

    /** ∫_{σ_i}^{σ_{i+1}} Π_{k≠j} (τ − σ_{i−k}) / (σ_{i−j} − σ_{i−k}) dτ. */
    static double coefficient(int order, double[] t, int i, int j) {
        double a = t[i], b = t[i + 1], half = (b - a) / 2, mid = (a + b) / 2, sum = 0;
        for (int q = 0; q < NODES.length; q++) {
            double tau = mid + half * NODES[q], prod = 1;
            for (int k = 0; k < order; k++) {
                if (k != j) prod *= (tau - t[i - k]) / (t[i - j] - t[i - k]);
            }
            sum += WEIGHTS[q] * prod;
        }
        return sum * half;
    }
}
