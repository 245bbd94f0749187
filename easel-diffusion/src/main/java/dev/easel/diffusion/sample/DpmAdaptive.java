package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/**
 * DPM-Solver-23 with adaptive step size: a second- and a third-order update share their
 * evaluations, their difference (against rtol 0.05, atol 0.0078) drives an integral step-size
 * controller starting from h = 0.05 (eta 0). Only the first sigma and the last non-zero one
 * matter; the listener hears once per attempted step, accepted or not.
 */
final class DpmAdaptive implements SamplerAlgorithm {
    private static final double RTOL = 0.05, ATOL = 0.0078, H_INIT = 0.05, ACCEPT_SAFETY = 0.81;
    private static final int ORDER = 3;

    @Override
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        if (sigmas.length <= 1) return x;
        double sigmaMin = sigmas[sigmas.length - 1] == 0 ? sigmas[sigmas.length - 2] : sigmas[sigmas.length - 1];
        double s = -Math.log(sigmas[0]), tEnd = -Math.log(sigmaMin);
        StepSizeController controller = new StepSizeController(H_INIT, 1.0 / ORDER, ACCEPT_SAFETY);
        Tensor xPrev = x;
        int attempts = 0;
        while (s < tEnd - 1e-5) {
            double t = Math.min(tEnd, s + controller.h());
            DpmSolverSteps steps = new DpmSolverSteps(model, x, s);
            Tensor denoised = steps.denoised();
            Tensor low = steps.second(t, 1. / 3);
            Tensor high = steps.third(t);
            double sigmaBefore = DpmSolverSteps.sigma(s);
            if (controller.propose(error(low, high, xPrev))) {
                xPrev = low;
                x = high;
                s = t;
            }
            attempts++;
            ctx.listener().onStep(new StepListener.Step(attempts - 1, sigmas.length - 1, x, denoised,
                    sigmaBefore, DpmSolverSteps.sigma(s)));
        }
        return x;
    }

    /** The RMS of (low − high)/max(atol, rtol·max(|low|, |x_prev|)). */
    private static double error(Tensor low, Tensor high, Tensor xPrev) {
        float[] l = low.data(), hi = high.data(), p = xPrev.data();
        double sum = 0;
        for (int i = 0; i < l.length; i++) {
            float delta = Math.max((float) ATOL, (float) RTOL * Math.max(Math.abs(l[i]), Math.abs(p[i])));
            float e = (l[i] - hi[i]) / delta;
            sum += (double) e * e;
        }
        return Math.sqrt(sum) / Math.sqrt(l.length);
    }

    /** k-diffusion's PID controller with only the integral term (pcoeff 0, icoeff 1, dcoeff 0). */
    private static final class StepSizeController {
        private static final double EPS = 1e-8;
        private double h;
        private final double exponent, acceptSafety;

        StepSizeController(double h, double exponent, double acceptSafety) {
            this.h = h;
            this.exponent = exponent;
            this.acceptSafety = acceptSafety;
        }

        double h() {
            return h;
        }

        boolean propose(double error) {
            double factor = Math.pow(1 / (error + EPS), exponent);
            factor = 1 + Math.atan(factor - 1);
            h *= factor;
            return factor >= acceptSafety;
        }
    }
}
