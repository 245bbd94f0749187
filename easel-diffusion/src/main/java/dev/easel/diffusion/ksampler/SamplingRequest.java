package dev.easel.diffusion.ksampler;

import dev.easel.diffusion.sample.Sampler;
import dev.easel.diffusion.schedule.Scheduler;

/**
 * The settings of one {@code KSampler} / {@code KSamplerAdvanced} call. {@code startStep} and
 * {@code lastStep} slice the schedule (KSamplerAdvanced's start_at_step / end_at_step; the plain
 * KSampler uses 0 and {@link #NO_LAST_STEP}). {@code addNoise} false samples from the latent as it
 * is (add_noise "disable"); {@code forceFullDenoise} ends a cut schedule at σ = 0
 * (return_with_leftover_noise "disable").
 */
public record SamplingRequest(long seed, int steps, double cfg, Sampler sampler, Scheduler scheduler, double denoise,
                              boolean addNoise, int startStep, int lastStep, boolean forceFullDenoise) {

    public static final int NO_LAST_STEP = Integer.MAX_VALUE;

    /** What the plain {@code KSampler} node asks for. */
    public static SamplingRequest simple(long seed, int steps, double cfg, Sampler sampler, Scheduler scheduler, double denoise) {
        return new SamplingRequest(seed, steps, cfg, sampler, scheduler, denoise, true, 0, NO_LAST_STEP, false);
    }
}
