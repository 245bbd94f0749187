package dev.easel.diffusion.guidance;

import dev.easel.diffusion.model.ModelSampling;
import dev.easel.tensor.Tensor;

/** A model sampling whose network predicts x₀ directly from x unscaled, so outputs are the estimates. */
final class X0Sampling implements ModelSampling {
    @Override public double sigmaMin() { return 0.03; }
    @Override public double sigmaMax() { return 14.6; }
    @Override public double timestep(double sigma) { return sigma; }
    @Override public double sigma(double timestep) { return timestep; }
    @Override public double[] sigmaTable() { return new double[]{0.03, 14.6}; }
    @Override public Tensor calculateInput(double sigma, Tensor x) { return x; }
    @Override public Tensor calculateDenoised(double sigma, Tensor modelOutput, Tensor x) { return modelOutput; }
    @Override public Tensor noiseScaling(double sigma, Tensor noise, Tensor latent, boolean maxDenoise) {
        return latent.add(noise.mul((float) sigma));
    }
    @Override public Tensor inverseNoiseScaling(double sigma, Tensor latent) { return latent; }
}
