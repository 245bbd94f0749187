package dev.easel.diffusion.reference;

import dev.easel.diffusion.sample.Denoiser;
import dev.easel.diffusion.sample.Prediction;
import dev.easel.tensor.Tensor;

import java.util.Optional;

/**
 * The analytic problem the sampler references were computed on: data ~ N(μ, v) per element,
 * whose exact denoiser is D(x, σ) = μ + v/(v + σ²)·(x − μ). Evaluated in float32 in the same order
 * as the reference scripts, so a sampler port sees the same D bit for bit. Unguided (samplers.json)
 * it stands for the already guided model at cfg 1 and is its own unconditional prediction; guided
 * (guided_samplers.json) a second mean μ_u gives the unconditional prediction D_u and the result is
 * D_u + (D_c − D_u)·cfg, ComfyUI's CFG formula.
 */
final class ToyProblem implements Denoiser {
    static final int[] SHAPE = {1, 4, 8, 8};
    static final float VARIANCE = 0.25f;

    private final float[] mean = mean();
    private final Optional<float[]> uncondMean;
    private final float cfg;

    private ToyProblem(Optional<float[]> uncondMean, float cfg) {
        this.uncondMean = uncondMean;
        this.cfg = cfg;
    }

    static ToyProblem unguided() {
        return new ToyProblem(Optional.empty(), 1f);
    }

    static ToyProblem guided(double cfg) {
        return new ToyProblem(Optional.of(uncondMean()), (float) cfg);
    }

    /** μ[c, y, x] = 0.5·sin(0.7c + 0.3y − 0.2x), computed in double and rounded to float. */
    static float[] mean() {
        return grid((c, y, x) -> 0.5 * Math.sin(0.7 * c + 0.3 * y - 0.2 * x));
    }

    /** μ_u[c, y, x] = 0.5·cos(0.5c − 0.4y + 0.3x), computed in double and rounded to float. */
    static float[] uncondMean() {
        return grid((c, y, x) -> 0.5 * Math.cos(0.5 * c - 0.4 * y + 0.3 * x));
    }

    @Override
    public Prediction predict(Tensor x, double sigma) {
        float s = (float) sigma;
        float k = VARIANCE / (VARIANCE + s * s);
        float[] cond = posterior(mean, x.data(), k);
        if (uncondMean.isEmpty()) return Prediction.unguided(Tensor.of(cond, x.shape()));
        float[] uncond = posterior(uncondMean.get(), x.data(), k), guided = new float[cond.length];
        for (int i = 0; i < guided.length; i++) guided[i] = uncond[i] + (cond[i] - uncond[i]) * cfg;
        return new Prediction(Tensor.of(guided, x.shape()), Tensor.of(uncond, x.shape()));
    }

    private static float[] posterior(float[] mu, float[] in, float k) {
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) out[i] = mu[i % mu.length] + k * (in[i] - mu[i % mu.length]);
        return out;
    }

    private interface Cell {
        double at(int c, int y, int x);
    }

    private static float[] grid(Cell f) {
        float[] out = new float[4 * 8 * 8];
        int i = 0;
        for (int c = 0; c < 4; c++)
            for (int y = 0; y < 8; y++)
                for (int x = 0; x < 8; x++) out[i++] = (float) f.at(c, y, x);
        return out;
    }
}
