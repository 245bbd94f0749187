package dev.easel.diffusion.reference;

import dev.easel.diffusion.sample.Denoiser;
import dev.easel.diffusion.sample.Prediction;
import dev.easel.tensor.Tensor;

/**
 * The analytic problem samplers.json was computed on: data ~ N(μ, v) per element, whose exact
 * denoiser is D(x, σ) = μ + v/(v + σ²)·(x − μ). Evaluated in float32 in the same order as the
 * reference script, so a sampler port sees the same D bit for bit. It stands for the already
 * guided model (cfg 1), and is its own unconditional prediction for the CFG++ samplers.
 */
final class ToyProblem implements Denoiser {
    static final int[] SHAPE = {1, 4, 8, 8};
    static final float VARIANCE = 0.25f;

    private final float[] mean = mean();

    /** μ[c, y, x] = 0.5·sin(0.7c + 0.3y − 0.2x), computed in double and rounded to float. */
    static float[] mean() {
        float[] out = new float[4 * 8 * 8];
        int i = 0;
        for (int c = 0; c < 4; c++)
            for (int y = 0; y < 8; y++)
                for (int x = 0; x < 8; x++) out[i++] = (float) (0.5 * Math.sin(0.7 * c + 0.3 * y - 0.2 * x));
        return out;
    }

    @Override
    public Prediction predict(Tensor x, double sigma) {
        float s = (float) sigma;
        float k = VARIANCE / (VARIANCE + s * s);
        float[] in = x.data(), out = new float[in.length];
        for (int i = 0; i < in.length; i++) out[i] = mean[i % mean.length] + k * (in[i] - mean[i % mean.length]);
        return Prediction.unguided(Tensor.of(out, x.shape()));
    }
}
