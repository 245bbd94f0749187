package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/**
 * One sampling method: from x at σ₀ down the given sigmas, calling the denoiser as the method
 * prescribes and the listener once per step.
 */
interface SamplerAlgorithm {

    Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx);
}
