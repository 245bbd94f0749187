package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

import java.util.Arrays;

/**
 * DPM-Solver-Fast: as many third-order steps as the evaluation budget (one per sigma interval)
 * allows, uniform in t = −ln σ between the first sigma and the last non-zero one, finished with
 * order 2 and 1 (eta 0). The listener hears once per solver step, so fewer times than there are
 * sigmas.
 */
final class DpmFast implements SamplerAlgorithm {

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        if (sigmas.length <= 1) return x;
        double sigmaMin = sigmas[sigmas.length - 1] == 0 ? sigmas[sigmas.length - 2] : sigmas[sigmas.length - 1];
        int nfe = sigmas.length - 1;
        double tStart = -Math.log(sigmas[0]), tEnd = -Math.log(sigmaMin);
        int m = nfe / 3 + 1;
        int[] orders = orders(nfe, m);
        for (int i = 0; i < orders.length; i++) {
            double t = tStart + (tEnd - tStart) * i / m, tNext = tStart + (tEnd - tStart) * (i + 1) / m;
            DpmSolverSteps steps = new DpmSolverSteps(model, x, t);
            Tensor denoised = steps.denoised();
            ctx.listener().onStep(new StepListener.Step(i, nfe, x, denoised, DpmSolverSteps.sigma(t), DpmSolverSteps.sigma(tNext)));
            x = switch (orders[i]) {
                case 1 -> steps.first(tNext);
                case 2 -> steps.second(tNext, 0.5);
                default -> steps.third(tNext);
            };
        }
        return x;
    }

    static int[] orders(int nfe, int m) {
        int[] orders = new int[m];
        Arrays.fill(orders, 3);
        if (nfe % 3 == 0) {
            orders[m - 2] = 2;
            orders[m - 1] = 1;
        } else {
            orders[m - 1] = nfe % 3;
        }
        return orders;
    }
}
