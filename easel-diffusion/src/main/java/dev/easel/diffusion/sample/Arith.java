package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/**
 * The few element-wise combinations the update rules are written in. Values are float32, as in
 * torch; scalar coefficients are computed in double and rounded once to float32 here.
 */
final class Arith {
    private Arith() {}

    /** a·x + b·y. */
    static Tensor combine(double a, Tensor x, double b, Tensor y) {
        float fa = (float) a, fb = (float) b;
        float[] xs = x.data(), ys = y.data(), out = new float[xs.length];
        for (int i = 0; i < out.length; i++) out[i] = fa * xs[i] + fb * ys[i];
        return Tensor.of(out, x.shape());
    }

    /** x + s·y. */
    static Tensor plus(Tensor x, Tensor y, double s) {
        float fs = (float) s;
        float[] xs = x.data(), ys = y.data(), out = new float[xs.length];
        for (int i = 0; i < out.length; i++) out[i] = xs[i] + ys[i] * fs;
        return Tensor.of(out, x.shape());
    }

    /** a·x. */
    static Tensor scale(Tensor x, double a) {
        return x.mul((float) a);
    }

    /** x − y. */
    static Tensor minus(Tensor x, Tensor y) {
        float[] xs = x.data(), ys = y.data(), out = new float[xs.length];
        for (int i = 0; i < out.length; i++) out[i] = xs[i] - ys[i];
        return Tensor.of(out, x.shape());
    }

    /** k-diffusion's {@code to_d}: the ODE derivative (x − D)/σ. */
    static Tensor derivative(Tensor x, Tensor denoised, double sigma) {
        float s = (float) sigma;
        float[] xs = x.data(), ds = denoised.data(), out = new float[xs.length];
        for (int i = 0; i < out.length; i++) out[i] = (xs[i] - ds[i]) / s;
        return Tensor.of(out, x.shape());
    }

    /** (x − y)/s, the divided differences multistep methods keep. */
    static Tensor difference(Tensor x, Tensor y, double s) {
        return derivative(x, y, s);
    }
}
