package dev.easel.diffusion.sample;

/** What a sampler may use besides the denoiser and the sigmas: its noise, and whom to tell after each step. */
public record SamplingContext(NoiseSource noise, StepListener listener) {
}
