package dev.easel.diffusion.schedule;

import dev.easel.diffusion.numeric.Linspace;

/**
 * Schedules computed from σ_min and σ_max alone (karras, exponential, kl_optimal) or from
 * σ_max (linear_quadratic), in the float32 steps of ComfyUI's torch code.
 */
final class FormulaSchedules {
    private static final double KARRAS_RHO = 7.0;
    private static final double LQ_THRESHOLD = 0.025;

    private FormulaSchedules() {}

    /** Karras et al. (2022): (σ_max^{1/ρ} + r·(σ_min^{1/ρ} − σ_max^{1/ρ}))^ρ, r = linspace(0, 1, N), ρ = 7. */
    static double[] karras(double sigmaMin, double sigmaMax, int steps) {
        double minRoot = Math.pow(sigmaMin, 1 / KARRAS_RHO), maxRoot = Math.pow(sigmaMax, 1 / KARRAS_RHO);
        float span = (float) (minRoot - maxRoot), top = (float) maxRoot;
        float[] ramp = Linspace.floats(0, 1, steps);
        double[] out = new double[steps + 1];
        for (int i = 0; i < steps; i++) out[i] = (float) StrictMath.pow(ramp[i] * span + top, (float) KARRAS_RHO);
        return out;
    }

    /** exp(linspace(ln σ_max, ln σ_min, N)). */
    static double[] exponential(double sigmaMin, double sigmaMax, int steps) {
        float[] logs = Linspace.floats(Math.log(sigmaMax), Math.log(sigmaMin), steps);
        double[] out = new double[steps + 1];
        for (int i = 0; i < steps; i++) out[i] = (float) StrictMath.exp(logs[i]);
        return out;
    }

    /** tan(a·atan σ_min + (1 − a)·atan σ_max) for a = i/(N − 1); one step divides 0 by 0, as in ComfyUI. */
    static double[] klOptimal(double sigmaMin, double sigmaMax, int steps) {
        float low = (float) Math.atan(sigmaMin), high = (float) Math.atan(sigmaMax);
        double[] out = new double[steps + 1];
        for (int i = 0; i < steps; i++) {
            float a = (float) i / (float) (steps - 1);
            out[i] = (float) StrictMath.tan(a * low + (1f - a) * high);
        }
        return out;
    }

    /**
     * Mochi's schedule for flow models: the first ⌊N/2⌋ steps fall linearly to 0.025, the rest
     * quadratically to 1; the result is 1 − x, scaled by σ_max. Computed in double as ComfyUI's
     * Python lists are, then rounded to float32.
     */
    static double[] linearQuadratic(double sigmaMax, int steps) {
        float scale = (float) sigmaMax;
        double[] x = new double[steps + 1];
        if (steps == 1) {
            x[0] = 0.0;
        } else {
            int linearSteps = steps / 2, quadraticSteps = steps - linearSteps;
            for (int i = 0; i < linearSteps; i++) x[i] = i * LQ_THRESHOLD / linearSteps;
            double stepDiff = linearSteps - LQ_THRESHOLD * steps;
            double quadraticCoef = stepDiff / ((long) linearSteps * quadraticSteps * quadraticSteps);
            double linearCoef = LQ_THRESHOLD / linearSteps - 2 * stepDiff / ((long) quadraticSteps * quadraticSteps);
            double constant = quadraticCoef * ((long) linearSteps * linearSteps);
            for (int i = linearSteps; i < steps; i++) x[i] = quadraticCoef * ((long) i * i) + linearCoef * i + constant;
        }
        x[steps] = 1.0;
        double[] out = new double[steps + 1];
        for (int i = 0; i <= steps; i++) out[i] = (float) (1.0 - x[i]) * scale;
        return out;
    }
}
