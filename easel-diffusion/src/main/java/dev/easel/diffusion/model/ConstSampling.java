package dev.easel.diffusion.model;

import dev.easel.tensor.Tensor;

/**
 * ComfyUI's {@code CONST} parameterisation, shared by the rectified-flow families (SD3, Flux):
 * the network sees x itself, predicts the velocity v, and x₀ = x − σ·v. Computed in float32
 * with σ rounded to float32 first, as torch does.
 */
abstract class ConstSampling extends TabulatedSampling {

    ConstSampling(int timesteps) {
        super(timesteps);
    }

    @Override
    public final Tensor calculateInput(double sigma, Tensor x) {
        return x;
    }

    @Override
    public final Tensor calculateDenoised(double sigma, Tensor modelOutput, Tensor x) {
        float s = (float) sigma;
        float[] xs = x.data(), v = modelOutput.data(), out = new float[xs.length];
        for (int i = 0; i < out.length; i++) out[i] = xs[i] - v[i] * s;
        return Tensor.of(out, x.shape());
    }

    /** Sampling starts on the straight line between the latent and the noise: σ·noise + (1 − σ)·latent. */
    @Override
    public final Tensor noiseScaling(double sigma, Tensor noise, Tensor latent, boolean maxDenoise) {
        float s = (float) sigma, keep = 1f - s;
        float[] n = noise.data(), l = latent.data(), out = new float[n.length];
        for (int i = 0; i < out.length; i++) out[i] = s * n[i] + keep * l[i];
        return Tensor.of(out, noise.shape());
    }

    /** latent / (1 − σ), which undoes what a last σ above zero leaves of the line. */
    @Override
    public final Tensor inverseNoiseScaling(double sigma, Tensor latent) {
        float keep = 1f - (float) sigma;
        float[] l = latent.data(), out = new float[l.length];
        for (int i = 0; i < out.length; i++) out[i] = l[i] / keep;
        return Tensor.of(out, latent.shape());
    }
}
