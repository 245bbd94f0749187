package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * UniPC (arXiv 2302.04867) as ComfyUI runs it: multistep data-prediction predictor–corrector in
 * the variance-preserving view of the σ schedule, order min(3, #σ − 2), lower order on the last
 * steps, B(h) = h (bh1) or e^h − 1 (bh2). A final σ of 0 becomes 0.001 and the last update has
 * no corrector, so the result keeps that much noise, as in ComfyUI. The listener gets the x of
 * the variance-preserving space after each step, as ComfyUI's callback does.
 */
final class UniPc implements SamplerAlgorithm {
    private static final double FINAL_SIGMA = 0.001;

    enum Variant { BH1, BH2 }

    private final Variant variant;

    UniPc(Variant variant) {
        this.variant = variant;
    }

    @Override
    public Tensor sample(Denoiser model, Tensor noise, double[] sigmas, SamplingContext ctx) {
        double[] ts = sigmas.clone();
        if (ts[ts.length - 1] == 0) ts[ts.length - 1] = FINAL_SIGMA;
        float s0 = (float) ts[0];
        float start = (float) Math.sqrt(1f + s0 * s0);
        Tensor x = noise.map(v -> v / start);
        int order = Math.min(3, ts.length - 2), steps = ts.length - 1;
        UniPcUpdate update = new UniPcUpdate(model, variant == Variant.BH2);
        List<Tensor> models = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        for (int stepIndex = 0; stepIndex < steps; stepIndex++) {
            if (stepIndex == 0) {
                models.add(update.dataPrediction(x, ts[0]));
                times.add(ts[0]);
            } else if (stepIndex < order) {
                UniPcUpdate.Result r = update.step(x, models, times, ts[stepIndex], stepIndex, true);
                x = r.x();
                models.add(r.model());
                times.add(ts[stepIndex]);
            } else {
                int last = stepIndex == steps - 1 ? stepIndex + 1 : stepIndex;
                for (int step = stepIndex; step <= last; step++) {
                    int stepOrder = Math.min(order, steps + 1 - step);
                    boolean corrector = step != steps;
                    UniPcUpdate.Result r = update.step(x, models, times, ts[step], stepOrder, corrector);
                    x = r.x();
                    for (int i = 0; i < order - 1; i++) {
                        times.set(i, times.get(i + 1));
                        models.set(i, models.get(i + 1));
                    }
                    times.set(times.size() - 1, ts[step]);
                    if (step < steps) models.set(models.size() - 1, r.model());
                }
            }
            ctx.listener().onStep(new StepListener.Step(stepIndex, steps, x, models.get(models.size() - 1),
                    sigmas[stepIndex], sigmas[stepIndex + 1]));
        }
        float alphaEnd = VpConversion.alpha(ts[ts.length - 1]);
        return x.map(v -> v / alphaEnd);
    }
}
