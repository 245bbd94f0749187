package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/**
 * Told after every sampler step, with the step's denoised estimate (what previews show). It may
 * throw to abort sampling (an interrupt); samplers let the exception through unchanged.
 */
@FunctionalInterface
public interface StepListener {

    void onStep(Step step);

    /** Step {@code index} of {@code total}, from σ to σ_next; {@code denoised} is the model's x₀ estimate. */
    record Step(int index, int total, Tensor x, Tensor denoised, double sigma, double sigmaNext) {
    }

    StepListener NONE = step -> { };
}
