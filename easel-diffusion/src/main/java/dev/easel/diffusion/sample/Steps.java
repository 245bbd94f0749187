package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/** Tells the listener about step i, as k-diffusion's callback does after the step's first model call. */
final class Steps {
    private Steps() {}

    static void report(SamplingContext ctx, double[] sigmas, int i, Tensor x, Tensor denoised) {
        ctx.listener().onStep(new StepListener.Step(i, sigmas.length - 1, x, denoised, sigmas[i], sigmas[i + 1]));
    }

    static Tensor noise(SamplingContext ctx, Tensor like) {
        return ctx.noise().next(like.shape());
    }
}
