package dev.easel.diffusion.schedule;

import dev.easel.diffusion.model.ModelSampling;

import java.util.Arrays;

/**
 * The σ values a KSampler run actually uses (ComfyUI's {@code KSampler.set_steps} and
 * {@code KSampler.sample}): partial denoise, the samplers that drop the penultimate σ, and
 * KSamplerAdvanced's start/end steps.
 */
public final class SigmaPlan {
    /** ComfyUI treats any denoise above this as a full denoise. */
    private static final double FULL_DENOISE = 0.9999;

    private SigmaPlan() {}

    /**
     * The schedule for {@code steps} steps at strength {@code denoise}. Full denoise is the
     * scheduler's schedule; 0 < denoise ≤ 0.9999 computes {@code int(steps/denoise)} steps and
     * keeps the last {@code steps + 1} σ; denoise ≤ 0 gives no σ at all (the latent is returned
     * unchanged). With {@code discardPenultimate} (dpm_2, dpm_2_ancestral, uni_pc, uni_pc_bh2)
     * each schedule is computed with one step more and its penultimate σ dropped.
     */
    public static double[] forSteps(ModelSampling ms, Scheduler scheduler, int steps, double denoise, boolean discardPenultimate) {
        if (denoise > FULL_DENOISE) return schedule(ms, scheduler, steps, discardPenultimate);
        if (denoise <= 0) return new double[0];
        int extended = (int) (steps / denoise);
        double[] sigmas = schedule(ms, scheduler, extended, discardPenultimate);
        return Arrays.copyOfRange(sigmas, Math.max(0, sigmas.length - (steps + 1)), sigmas.length);
    }

    /**
     * KSamplerAdvanced's window: an end step below the last index cuts the schedule after that
     * step (its last σ set to 0 when {@code forceFullDenoise}); then a start step below the last
     * remaining index drops the steps before it. A start step at or past the last index means
     * nothing is sampled and the latent is returned as it is: the result then has at most one
     * value, which callers take as that signal.
     */
    public static double[] slice(double[] sigmas, int startStep, int lastStep, boolean forceFullDenoise) {
        if (startStep < 0 || lastStep < 0) {
            throw new IllegalArgumentException("steps must be non-negative, got start " + startStep + " and end " + lastStep);
        }
        double[] out = sigmas.clone();
        if (lastStep < out.length - 1) {
            out = Arrays.copyOf(out, lastStep + 1);
            if (forceFullDenoise) out[out.length - 1] = 0;
        }
        if (startStep < out.length - 1) return Arrays.copyOfRange(out, startStep, out.length);
        return Arrays.copyOfRange(out, Math.min(startStep, out.length), out.length);
    }

    private static double[] schedule(ModelSampling ms, Scheduler scheduler, int steps, boolean discardPenultimate) {
        if (!discardPenultimate) return scheduler.sigmas(ms, steps);
        double[] sigmas = scheduler.sigmas(ms, steps + 1);
        if (sigmas.length < 2) return sigmas;
        double[] out = Arrays.copyOf(sigmas, sigmas.length - 1);
        out[out.length - 1] = sigmas[sigmas.length - 1];
        return out;
    }
}
