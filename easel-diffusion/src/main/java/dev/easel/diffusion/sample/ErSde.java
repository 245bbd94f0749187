package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/**
 * The extended reverse-time SDE solver, VP ER-SDE-Solver-3 (arXiv 2309.06169), with ComfyUI's
 * noise scaler λ·(e^{λ^0.3} + 10) and 200-point integrals, for σ-space models (there λ = σ and
 * α = 1).
 */
final class ErSde implements SamplerAlgorithm {
    private static final int MAX_STAGE = 3, POINTS = 200;
    private static final double S_NOISE = 1.0;

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        Tensor old = null, oldD = null;
        for (int i = 0; i < sigmas.length - 1; i++) {
            Tensor denoised = model.denoise(x, sigmas[i]);
            Steps.report(ctx, sigmas, i, x, denoised);
            int stage = Math.min(MAX_STAGE, i + 1);
            if (sigmas[i + 1] == 0) {
                x = denoised;
            } else {
                double ls = sigmas[i], lt = sigmas[i + 1];
                double r = scaler(lt) / scaler(ls);
                x = Arith.combine(r, x, 1 - r, denoised);
                if (stage >= 2) {
                    double dt = lt - ls, stepSize = -dt / POINTS;
                    double s = 0, su = 0;
                    for (int k = 0; k < POINTS; k++) {
                        double pos = lt + k * stepSize, scaled = scaler(pos);
                        s += 1 / scaled;
                        su += (pos - ls) / scaled;
                    }
                    s *= stepSize;
                    su *= stepSize;
                    Tensor dd = Arith.difference(denoised, old, ls - sigmas[i - 1]);
                    x = Arith.plus(x, dd, dt + s * scaler(lt));
                    if (stage >= 3) {
                        Tensor du = Arith.difference(dd, oldD, (ls - sigmas[i - 2]) / 2);
                        x = Arith.plus(x, du, dt * dt / 2 + su * scaler(lt));
                    }
                    oldD = dd;
                }
                double spread = Math.sqrt(lt * lt - ls * ls * r * r);
                x = Arith.plus(x, Steps.noise(ctx, x), S_NOISE * (Double.isNaN(spread) ? 0 : spread));
            }
            old = denoised;
        }
        return x;
    }

    private static double scaler(double lambda) {
        return lambda * (Math.exp(Math.pow(lambda, 0.3)) + 10.0);
    }
}
