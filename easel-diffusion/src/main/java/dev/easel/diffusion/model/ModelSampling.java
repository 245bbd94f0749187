package dev.easel.diffusion.model;

import dev.easel.tensor.Tensor;

/**
 * How a model family relates noise levels, network timesteps and outputs (ComfyUI's
 * {@code model_sampling}). σ is the sampler's noise level; {@link #timestep} is what the network
 * is given for it.
 */
public interface ModelSampling {

    double sigmaMin();

    double sigmaMax();

    /** The network's timestep input for noise level σ. */
    double timestep(double sigma);

    /** The noise level of a (possibly fractional) timestep. */
    double sigma(double timestep);

    /** The model's σ table (1000 entries for discrete models, ascending), which schedulers sample from. */
    double[] sigmaTable();

    /** Scales the noisy latent into what the network receives. */
    Tensor calculateInput(double sigma, Tensor x);

    /** Turns the network's raw output into the x₀ estimate. */
    Tensor calculateDenoised(double sigma, Tensor modelOutput, Tensor x);

    /** The starting point of sampling from {@code latent} with {@code noise} at σ. */
    Tensor noiseScaling(double sigma, Tensor noise, Tensor latent, boolean maxDenoise);

    /** Undoes what sampling leaves in the latent at the end (flow models divide by 1 − σ). */
    Tensor inverseNoiseScaling(double sigma, Tensor latent);
}
