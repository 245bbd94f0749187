package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/**
 * The single-step DPM-Solver updates of order 1 to 3 in t = −ln σ, on the noise prediction
 * ε = (x − D)/σ (arXiv 2206.00927), as k-diffusion's DPMSolver class writes them. The ε at the
 * start of a step is computed once and shared by the updates of that step.
 */
final class DpmSolverSteps {
    private final Denoiser model;
    private final Tensor x;
    private final double t;
    private Tensor eps, epsR1;
    private double r1Cached = Double.NaN;
    private int evaluations;

    DpmSolverSteps(Denoiser model, Tensor x, double t) {
        this.model = model;
        this.x = x;
        this.t = t;
    }

    static double sigma(double t) {
        return Math.exp(-t);
    }

    /** ε at the start of the step, and D = x − σ·ε from it. */
    Tensor eps() {
        if (eps == null) eps = evaluate(x, t);
        return eps;
    }

    Tensor denoised() {
        return Arith.plus(x, eps(), -sigma(t));
    }

    int evaluations() {
        return evaluations;
    }

    Tensor first(double tNext) {
        double h = tNext - t;
        return Arith.plus(x, eps(), -sigma(tNext) * Math.expm1(h));
    }

    Tensor second(double tNext, double r1) {
        double h = tNext - t, s1 = t + r1 * h;
        Tensor e = eps(), e1 = epsAt(s1, r1, h);
        Tensor out = Arith.plus(x, e, -sigma(tNext) * Math.expm1(h));
        return Arith.plus(out, Arith.minus(e1, e), -(sigma(tNext) / (2 * r1)) * Math.expm1(h));
    }

    Tensor third(double tNext) {
        double r1 = 1. / 3, r2 = 2. / 3, h = tNext - t, s2 = t + r2 * h;
        Tensor e = eps(), e1 = epsAt(t + r1 * h, r1, h);
        Tensor u2 = Arith.plus(x, e, -sigma(s2) * Math.expm1(r2 * h));
        u2 = Arith.plus(u2, Arith.minus(e1, e), -sigma(s2) * (r2 / r1) * (Math.expm1(r2 * h) / (r2 * h) - 1));
        Tensor e2 = evaluate(u2, s2);
        Tensor out = Arith.plus(x, e, -sigma(tNext) * Math.expm1(h));
        return Arith.plus(out, Arith.minus(e2, e), -(sigma(tNext) / r2) * (Math.expm1(h) / h - 1));
    }

    /** ε at the first intermediate point, shared between updates that use the same r₁ (the adaptive pair does). */
    private Tensor epsAt(double s1, double r1, double h) {
        if (epsR1 == null || r1 != r1Cached) {
            Tensor u1 = Arith.plus(x, eps(), -sigma(s1) * Math.expm1(r1 * h));
            epsR1 = evaluate(u1, s1);
            r1Cached = r1;
        }
        return epsR1;
    }

    private Tensor evaluate(Tensor at, double time) {
        evaluations++;
        double s = sigma(time);
        return Arith.derivative(at, model.denoise(at, s), s);
    }
}
