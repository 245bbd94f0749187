package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/**
 * CFG++ Euler: the step is taken from the guided estimate along the direction of the
 * unconditional one. With eta 0 and no noise this is {@code euler_cfg_pp}; with eta 1,
 * {@code euler_ancestral_cfg_pp}. Written for σ-space models, where ComfyUI's α factors are 1.
 */
final class EulerAncestralCfgPp implements SamplerAlgorithm {
    private final double eta;
    private final double sNoise;

    EulerAncestralCfgPp(double eta, double sNoise) {
        this.eta = eta;
        this.sNoise = sNoise;
    }

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        for (int i = 0; i < sigmas.length - 1; i++) {
            Prediction p = model.predict(x, sigmas[i]);
            Steps.report(ctx, sigmas, i, x, p.denoised());
            if (sigmas[i + 1] == 0) {
                x = p.denoised();
                continue;
            }
            Tensor d = Arith.derivative(x, p.unconditional(), sigmas[i]);
            AncestralStep step = AncestralStep.of(sigmas[i], sigmas[i + 1], eta);
            x = Arith.plus(p.denoised(), d, step.down());
            if (eta > 0 && sNoise > 0) x = Arith.plus(x, Steps.noise(ctx, x), sNoise * step.up());
        }
        return x;
    }
}
