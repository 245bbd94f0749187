package dev.easel.diffusion.sample;

/**
 * The coefficients of DEIS in its "tab" form (zju-pi's diff-sampler, as ComfyUI ships it): the
 * σ schedule is mapped to the time of the VP SDE that fits EDM's σ range (0.002 to 80), and each
 * coefficient is ∫ dσ/dτ · ℓ_j(τ) dτ over the step, ℓ_j the Lagrange basis on the previous times,
 * summed over 10,000 points exactly as ComfyUI sums them. The SDE's β are computed in float32
 * like ComfyUI's, because they come out of a cancellation.
 */
final class DeisCoefficients {
    private static final int POINTS = 10_000;
    private static final float EPSILON_S = 1e-3f, SIGMA_MIN = 0.002f, SIGMA_MAX = 80f;

    private DeisCoefficients() {}

    /** Per step i, the coefficients of the current and previous derivatives (empty for first-order steps). */
    static double[][] of(double[] sigmas, int maxOrder) {
        float logMax = (float) Math.log(SIGMA_MAX * SIGMA_MAX + 1f);
        float betaD = 2f * ((float) Math.log(SIGMA_MIN * SIGMA_MIN + 1f) / EPSILON_S - logMax) / (EPSILON_S - 1f);
        float betaMin = logMax - 0.5f * betaD;
        double beta0 = betaMin, beta1 = betaD + betaMin;
        double[] t = new double[sigmas.length];
        for (int i = 0; i < t.length; i++) {
            float s = (float) sigmas[i];
            t[i] = ((float) Math.sqrt(betaMin * betaMin + 2f * betaD * (float) Math.log(s * s + 1f)) - betaMin) / betaD;
        }
        double[][] c = new double[sigmas.length - 1][];
        for (int i = 0; i < c.length; i++) {
            int order = Math.min(i + 1, maxOrder);
            c[i] = new double[order == 1 ? 0 : order];
            if (order == 1) continue;
            double dtau = (t[i + 1] - t[i]) / POINTS;
            for (int j = 0; j < order; j++) {
                double sum = 0;
                for (int k = 0; k < POINTS; k++) {
                    double tau = t[i] + (t[i + 1] - t[i]) * k / (POINTS - 1);
                    double poly = 1;
                    for (int m = 0; m < order; m++) {
                        if (m != j) poly *= (tau - t[i - m]) / (t[i - j] - t[i - m]);
                    }
                    sum += integrand(beta0, beta1, tau) * poly;
                }
                c[i][j] = sum * dtau;
            }
        }
        return c;
    }

    /** dσ/dτ of the VP SDE, −½·(d ln α/dτ)/√(α(1 − α)). */
    private static double integrand(double beta0, double beta1, double tau) {
        double logAlpha = -0.5 * tau * tau * (beta1 - beta0) - tau * beta0;
        double alpha = Math.exp(logAlpha);
        double dLogAlpha = -tau * (beta1 - beta0) - beta0;
        return -0.5 * dLogAlpha / Math.sqrt(alpha * (1 - alpha));
    }
}
