package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/**
 * D(x, σ): the estimate of the clean latent for {@code x} at noise level σ, in the sampler's
 * space (after the latent format's {@code processIn}). Samplers call it once per model
 * evaluation and never know what computes it: an ONNX network under guidance, or an analytic
 * density in tests.
 */
@FunctionalInterface
public interface Denoiser {

    Prediction predict(Tensor x, double sigma);

    default Tensor denoise(Tensor x, double sigma) {
        return predict(x, sigma).denoised();
    }
}
