package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

import java.util.List;

/**
 * One multistep UniPC update with B(h) (ComfyUI's {@code multistep_uni_pc_bh_update} in data
 * prediction): the predictor from the stored estimates, then, with the corrector, one model
 * evaluation at the predicted point whose estimate also feeds the next step. Scalars are float32
 * as in ComfyUI, except the b vector, which ComfyUI (and this) computes in float64.
 */
final class UniPcUpdate {
    private final Denoiser model;
    private final boolean bh2;

    record Result(Tensor x, Tensor model) {
    }

    UniPcUpdate(Denoiser model, boolean bh2) {
        this.model = model;
        this.bh2 = bh2;
    }

    /** x₀ predicted from the variance-preserving x at σ, through the σ-space denoiser. */
    Tensor dataPrediction(Tensor xVp, double sigma) {
        float s = (float) sigma;
        float scale = (float) Math.sqrt(s * s + 1.0f);
        Tensor input = xVp.mul(scale);
        Tensor eps = Arith.derivative(input, model.denoise(input, sigma), sigma);
        float std = VpConversion.std(sigma), alpha = VpConversion.alpha(sigma);
        float[] xs = xVp.data(), es = eps.data(), out = new float[xs.length];
        for (int i = 0; i < out.length; i++) out[i] = (xs[i] - std * es[i]) / alpha;
        return Tensor.of(out, xVp.shape());
    }

    Result step(Tensor x, List<Tensor> models, List<Double> times, double t, int order, boolean corrector) {
        int last = models.size() - 1;
        double tPrev = times.get(last);
        Tensor m0 = models.get(last);
        float lambdaPrev = VpConversion.lambda(tPrev), lambdaT = VpConversion.lambda(t);
        float sigmaPrev = VpConversion.std(tPrev), sigmaT = VpConversion.std(t), alphaT = VpConversion.alpha(t);
        float h = lambdaT - lambdaPrev;

        float[] rks = new float[order];
        Tensor[] d1s = new Tensor[order - 1];
        for (int i = 1; i < order; i++) {
            float rk = (VpConversion.lambda(times.get(last - i)) - lambdaPrev) / h;
            rks[i - 1] = rk;
            d1s[i - 1] = Arith.difference(models.get(last - i), m0, rk);
        }
        rks[order - 1] = 1f;

        float hh = -h;
        float hPhi1 = (float) Math.expm1(hh);
        float bh = bh2 ? (float) Math.expm1(hh) : hh;
        double[] b = rightHandSide(hh, order);
        double[][] r = new double[order][order];
        for (int i = 0; i < order; i++) {
            for (int j = 0; j < order; j++) r[i][j] = (float) Math.pow(rks[j], i);
        }

        Tensor base = Arith.combine(sigmaT / sigmaPrev, x, -(alphaT * hPhi1), m0);
        Tensor xt = base;
        if (order > 1) {
            double[] rhosP = order == 2 ? new double[]{0.5} : Linear.solve(r, b, order - 1);
            xt = Arith.plus(base, weighted(d1s, rhosP, order - 1), -(alphaT * bh));
        }
        if (!corrector) return new Result(xt, null);

        Tensor mt = dataPrediction(xt, t);
        double[] rhosC = order == 1 ? new double[]{0.5} : Linear.solve(r, b, order);
        Tensor correction = Arith.scale(Arith.minus(mt, m0), (float) rhosC[order - 1]);
        if (order > 1) correction = Arith.plus(weighted(d1s, rhosC, order - 1), correction, 1);
        return new Result(Arith.plus(base, correction, -(alphaT * bh)), mt);
    }

    /** b_i = h·φ_{i+1}(h)·i!/B(h), with the φ recurrence run in float64 and the result stored in float32. */
    private double[] rightHandSide(float hh, int order) {
        double h64 = hh;
        double phiK = Math.expm1(h64) / h64 - 1;
        double bh64 = bh2 ? Math.expm1(h64) : h64;
        double factorial = 1;
        double[] b = new double[order];
        for (int i = 1; i <= order; i++) {
            b[i - 1] = (float) (phiK * factorial / bh64);
            factorial *= i + 1;
            phiK = phiK / h64 - 1 / factorial;
        }
        return b;
    }

    private static Tensor weighted(Tensor[] terms, double[] weights, int count) {
        Tensor sum = Arith.scale(terms[0], (float) weights[0]);
        for (int k = 1; k < count; k++) sum = Arith.plus(sum, terms[k], (float) weights[k]);
        return sum;
    }
}
