package dev.easel.diffusion.guidance;

import dev.easel.diffusion.cond.Conditioning;
import dev.easel.diffusion.cond.ConditioningEntry;
import dev.easel.diffusion.model.DiffusionModel;
import dev.easel.diffusion.sample.Denoiser;
import dev.easel.diffusion.sample.Prediction;
import dev.easel.tensor.Tensor;

import java.util.List;

/**
 * Classifier-free guidance over a diffusion model, as ComfyUI's CFGGuider with its
 * {@code sampling_function}: D = D_u + cfg·(D_c − D_u), where D_c and D_u are the weighted
 * averages of the positive and negative entries' denoised estimates (area entries on their
 * region, paired across the two sides first). Positive and negative rows share model calls.
 * When cfg is 1 the negative side is not evaluated at all, unless {@link #alwaysUnconditional()}
 * asked for it (ComfyUI's CFG++ samplers do); the prediction's unconditional part is then the
 * guided estimate itself.
 */
public final class CfgGuider implements Denoiser {
    private final DiffusionModel model;
    private final List<ConditioningEntry> positive;
    private final List<ConditioningEntry> negative;
    private final double cfg;
    private final boolean skipUnconditionalAtOne;

    public CfgGuider(DiffusionModel model, Conditioning positive, Conditioning negative, double cfg) {
        this(model, AreaPairing.complete(positive.entries(), negative.entries()),
                AreaPairing.complete(negative.entries(), positive.entries()), cfg, true);
    }

    private CfgGuider(DiffusionModel model, List<ConditioningEntry> positive, List<ConditioningEntry> negative,
                      double cfg, boolean skipUnconditionalAtOne) {
        this.model = model;
        this.positive = List.copyOf(positive);
        this.negative = List.copyOf(negative);
        this.cfg = cfg;
        this.skipUnconditionalAtOne = skipUnconditionalAtOne;
    }

    /** The same guider, evaluating the negative side even at cfg 1 (ComfyUI's {@code disable_cfg1_optimization}). */
    public CfgGuider alwaysUnconditional() {
        return new CfgGuider(model, positive, negative, cfg, false);
    }

    @Override
    public Prediction predict(Tensor x, double sigma) {
        boolean skip = skipUnconditionalAtOne && isCloseToOne(cfg);
        Tensor[] out = ConditionedEvaluation.evaluate(model, List.of(positive, skip ? List.of() : negative), x, sigma);
        Tensor cond = out[0], uncond = out[1];
        Tensor guided = combine(cond, uncond, (float) cfg);
        return skip ? Prediction.unguided(guided) : new Prediction(guided, uncond);
    }

    /** uncond + (cond − uncond)·cfg, in float32 and in this order, as ComfyUI's {@code cfg_function}. */
    static Tensor combine(Tensor cond, Tensor uncond, float cfg) {
        float[] c = cond.data(), u = uncond.data(), out = new float[c.length];
        for (int i = 0; i < out.length; i++) out[i] = u[i] + (c[i] - u[i]) * cfg;
        return Tensor.of(out, cond.shape());
    }

    /** Python's {@code math.isclose(cfg, 1.0)} with its default relative tolerance. */
    private static boolean isCloseToOne(double value) {
        return Math.abs(value - 1.0) <= 1e-9 * Math.max(Math.abs(value), 1.0);
    }
}
