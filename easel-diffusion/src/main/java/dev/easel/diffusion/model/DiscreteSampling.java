package dev.easel.diffusion.model;

import dev.easel.diffusion.numeric.Linspace;
import dev.easel.tensor.Tensor;

/**
 * ComfyUI's {@code ModelSamplingDiscrete} with the scaled-linear β schedule of SD1.x/2.x/SDXL
 * (β from 0.00085 to 0.012 over 1000 steps), for ε- and v-prediction. The σ table is computed as
 * ComfyUI computes it (since early 2024): β, ᾱ and σ in float64, then σ and ln σ each rounded
 * once to float32, so schedules taken from it match to the last bit.
 */
public final class DiscreteSampling extends TabulatedSampling {
    private static final int TIMESTEPS = 1000;
    private static final double LINEAR_START = 0.00085, LINEAR_END = 0.012;

    private final Parameterization parameterization;
    private final double[] logSigmas;

    private DiscreteSampling(Parameterization parameterization) {
        super(TIMESTEPS);
        this.parameterization = parameterization;
        this.logSigmas = new double[TIMESTEPS];
        double[] roots = Linspace.doubles(Math.sqrt(LINEAR_START), Math.sqrt(LINEAR_END), TIMESTEPS);
        double alphaBar = 1;
        for (int t = 0; t < TIMESTEPS; t++) {
            alphaBar *= 1 - roots[t] * roots[t];
            double sigma = Math.sqrt((1 - alphaBar) / alphaBar);
            sigmas[t] = (float) sigma;
            logSigmas[t] = (float) StrictMath.log(sigma);
        }
    }

    public static DiscreteSampling eps() {
        return new DiscreteSampling(Parameterization.EPS);
    }

    public static DiscreteSampling vPrediction() {
        return new DiscreteSampling(Parameterization.V_PREDICTION);
    }

    public static DiscreteSampling of(Parameterization parameterization) {
        return new DiscreteSampling(parameterization);
    }

    public Parameterization parameterization() {
        return parameterization;
    }

    @Override
    public double timestep(double sigma) {
        float logSigma = (float) Math.log((float) sigma);
        int best = 0;
        float bestDistance = Float.POSITIVE_INFINITY;
        for (int t = 0; t < TIMESTEPS; t++) {
            float distance = Math.abs(logSigma - (float) logSigmas[t]);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = t;
            }
        }
        return best;
    }

    @Override
    public double sigma(double timestep) {
        float t = (float) Math.max(0, Math.min(TIMESTEPS - 1, timestep));
        int low = (int) Math.floor(t), high = (int) Math.ceil(t);
        float w = t - low;
        float logSigma = (1 - w) * (float) logSigmas[low] + w * (float) logSigmas[high];
        return (float) Math.exp(logSigma);
    }

    @Override
    public Tensor calculateInput(double sigma, Tensor x) {
        float s = (float) sigma;
        float scale = (float) Math.sqrt(s * s + 1f);
        float[] in = x.data(), out = new float[in.length];
        for (int i = 0; i < in.length; i++) out[i] = in[i] / scale;
        return Tensor.of(out, x.shape());
    }

    @Override
    public Tensor calculateDenoised(double sigma, Tensor modelOutput, Tensor x) {
        float s = (float) sigma;
        float[] xs = x.data(), m = modelOutput.data(), out = new float[xs.length];
        if (parameterization == Parameterization.EPS) {
            for (int i = 0; i < out.length; i++) out[i] = xs[i] - m[i] * s;
        } else {
            float s2 = s * s + 1f;
            float xScale = 1f / s2, vScale = s / (float) Math.sqrt(s2);
            for (int i = 0; i < out.length; i++) out[i] = xs[i] * xScale - m[i] * vScale;
        }
        return Tensor.of(out, x.shape());
    }

    @Override
    public Tensor noiseScaling(double sigma, Tensor noise, Tensor latent, boolean maxDenoise) {
        float s = (float) sigma;
        float scale = maxDenoise ? (float) Math.sqrt(1f + s * s) : s;
        float[] n = noise.data(), l = latent.data(), out = new float[n.length];
        for (int i = 0; i < out.length; i++) out[i] = n[i] * scale + l[i];
        return Tensor.of(out, noise.shape());
    }

    @Override
    public Tensor inverseNoiseScaling(double sigma, Tensor latent) {
        return latent;
    }
}
