package dev.easel.diffusion.sample;

/**
 * ComfyUI's {@code SigmaConvert}: a σ of the sampler seen as a variance-preserving process,
 * α = 1/√(1+σ²), σ_vp = √(1 − α²), λ = ln α − ln σ_vp. Computed in float32 as ComfyUI computes
 * it, because near σ = 0.001 (where UniPC ends) the float32 cancellation in 1 − α² is visible
 * in the result.
 */
final class VpConversion {
    private VpConversion() {}

    static float logAlpha(double sigma) {
        float s = (float) sigma;
        return 0.5f * (float) Math.log(1f / (s * s + 1f));
    }

    static float alpha(double sigma) {
        return (float) Math.exp(logAlpha(sigma));
    }

    static float std(double sigma) {
        return (float) Math.sqrt(1f - (float) Math.exp(2f * logAlpha(sigma)));
    }

    static float lambda(double sigma) {
        float logAlpha = logAlpha(sigma);
        float logStd = 0.5f * (float) Math.log(1f - (float) Math.exp(2f * logAlpha));
        return logAlpha - logStd;
    }
}
